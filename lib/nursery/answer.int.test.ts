import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, children, enrolments } from "@/db/schema";
import { loadPlanning } from "@/lib/bookings/planning";
import { setUpTestDatabase } from "@/lib/testing/set-up-test-database";
import { acceptNurseryOffer, declineNurseryOffer } from "./answer";
import {
  applicationRow,
  insertApplication,
  insertNurseryFamily,
  insertNurseryTown,
  nurseryMails,
  offer,
  requestState,
} from "./offer-test-fixtures";
import { capacityUsage } from "./structures";

const database = setUpTestDatabase();
const db = () => database.db;

// Monday 11/01/2027, 10:00 in Paris; the offer was made on Saturday 09/01 at 17:00: answered until Sunday 17/01.
const now = new Date("2027-01-11T09:00:00Z");
const offeredAt = new Date("2027-01-09T16:00:00Z");
const sentAt = new Date("2026-12-01T10:00:00Z");
const birth = { firstName: "Rose", sex: "F", birthDate: "2026-12-18" } as const;

async function offered(options: { unborn?: boolean } = {}) {
  const town = await insertNurseryTown(db());
  const application = await insertApplication(db(), town, { ...options, sentAt });
  await offer(db(), town, application.applicationId, offeredAt);
  const answer = {
    communeId: town.commune.id,
    householdId: application.family.household.id,
    userId: application.family.user.id,
    applicationId: application.applicationId,
    now,
  };
  return { town, ...application, answer };
}

describe("accepting an offered place", () => {
  it("for a child to be born: asks the birth, creates the child, enrols it until school entry and mails the family", async () => {
    const { town, family, applicationId, requestId, reference, answer } = await offered({ unborn: true });
    expect(await acceptNurseryOffer(db(), answer)).toEqual({ ok: false, reason: "birth_required" });
    expect(await acceptNurseryOffer(db(), { ...answer, birth: { ...birth, birthDate: "2027-01-12" } })).toEqual({
      ok: false,
      reason: "birth_after_today",
    });
    expect(await db().select().from(children).where(eq(children.householdId, family.household.id))).toEqual([]);

    const result = await acceptNurseryOffer(db(), { ...answer, birth });
    expect(result).toMatchObject({ ok: true, reference });
    const [child] = await db().select().from(children).where(eq(children.householdId, family.household.id));
    expect(child).toMatchObject({
      firstName: "Rose",
      lastName: family.household.name,
      birthDate: "2026-12-18",
      sex: "F",
      communeId: town.commune.id,
    });
    expect(result.ok && result.childId).toBe(child!.id);
    const [enrolment] = await db().select().from(enrolments).where(eq(enrolments.childId, child!.id));
    expect(enrolment).toMatchObject({
      activityId: town.structure.activityId,
      householdId: family.household.id,
      startsOn: "2027-02-01",
      endsOn: "2029-08-31",
      status: "active",
    });
    expect(await applicationRow(db(), applicationId)).toMatchObject({
      status: "accepted",
      childId: child!.id,
      expectedBirthOn: "2026-12-18",
      unbornFirstName: "Rose",
    });
    const state = await requestState(db(), requestId);
    expect(state.status).toBe("accepted");
    expect(state.events.at(-1)).toEqual({
      kind: "accepted",
      side: "family",
      message: `Place acceptée : ${town.structure.name} à partir du 01/02/2027`,
    });
    const mails = await nurseryMails(db(), town.commune.id);
    expect(mails).toHaveLength(1);
    expect(mails[0]).toMatchObject({
      to: family.user.email,
      subject: `Vous avez accepté la place en crèche (${reference})`,
    });
    expect(mails[0]!.text).toContain(`Rose ${family.household.name}`);
    const [audit] = await db()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.communeId, town.commune.id), eq(auditLog.action, "enrolment.created")));
    expect(audit).toMatchObject({ actorUserId: family.user.id, targetId: enrolment!.id });

    // The planning shows the child at the crèche on its weekdays from the start.
    const planning = await loadPlanning(db(), {
      communeId: town.commune.id,
      householdId: family.household.id,
      from: "2027-02-01",
      to: "2027-02-07",
      now,
    });
    expect(planning.children.map((c) => c.firstName)).toEqual(["Rose"]);
    expect(planning.activities.map((a) => a.id)).toEqual([town.structure.activityId]);
    expect(planning.slots.map((s) => s.day)).toEqual([
      "2027-02-01",
      "2027-02-02",
      "2027-02-03",
      "2027-02-04",
      "2027-02-05",
    ]);

    // The place stays held, and the offer cannot be answered twice.
    const usage = await capacityUsage(db(), { communeId: town.commune.id, now });
    expect(usage.find((u) => u.ageGroup === "bebes")).toMatchObject({ held: 1, places: 2 });
    expect(await acceptNurseryOffer(db(), { ...answer, birth })).toEqual({ ok: false, reason: "not_offered" });
    expect(await declineNurseryOffer(db(), answer)).toEqual({ ok: false, reason: "not_offered" });
  });

  it("for a child of the file: enrols that child, with no birth asked", async () => {
    const { town, family, applicationId, answer } = await offered();
    const result = await acceptNurseryOffer(db(), answer);
    const childId = family.children[0]!.id;
    expect(result).toMatchObject({ ok: true, childId });
    expect(await db().select().from(children).where(eq(children.householdId, family.household.id))).toHaveLength(1);
    const [enrolment] = await db().select().from(enrolments).where(eq(enrolments.childId, childId));
    expect(enrolment).toMatchObject({
      activityId: town.structure.activityId,
      startsOn: "2027-02-01",
      endsOn: "2029-08-31",
    });
    expect(await applicationRow(db(), applicationId)).toMatchObject({ status: "accepted", childId });
  });

  it("is refused once the delay is over, and writes nothing", async () => {
    const { family, applicationId, requestId, answer } = await offered({ unborn: true });
    const late = { ...answer, now: new Date("2027-01-17T23:00:00Z"), birth };
    expect(await acceptNurseryOffer(db(), late)).toEqual({ ok: false, reason: "expired" });
    expect(await declineNurseryOffer(db(), late)).toEqual({ ok: false, reason: "expired" });
    // The last minute of Sunday 17/01 in Paris is still in time.
    const lastMinute = { ...answer, now: new Date("2027-01-17T22:59:00Z"), birth };
    expect((await acceptNurseryOffer(db(), lastMinute)).ok).toBe(true);
    expect(await db().select().from(children).where(eq(children.householdId, family.household.id))).toHaveLength(1);
    expect((await applicationRow(db(), applicationId)).status).toBe("accepted");
    expect((await requestState(db(), requestId)).status).toBe("accepted");
  });

  it("is refused to another household and from another commune, and writes nothing", async () => {
    const { town, family, applicationId, answer } = await offered({ unborn: true });
    const stranger = await insertNurseryFamily(db(), town.commune.id, { childless: true });
    const other = await insertNurseryTown(db());
    for (const attempt of [
      { ...answer, householdId: stranger.household.id, userId: stranger.user.id },
      { ...answer, communeId: other.commune.id },
    ]) {
      expect(await acceptNurseryOffer(db(), { ...attempt, birth })).toEqual({ ok: false, reason: "not_found" });
      expect(await declineNurseryOffer(db(), attempt)).toEqual({ ok: false, reason: "not_found" });
    }
    expect(await db().select().from(children).where(eq(children.householdId, stranger.household.id))).toEqual([]);
    expect(await db().select().from(children).where(eq(children.householdId, family.household.id))).toEqual([]);
    expect((await applicationRow(db(), applicationId)).status).toBe("offered");
    expect(await nurseryMails(db(), town.commune.id)).toEqual([]);
  });
});

describe("declining an offered place", () => {
  it("closes the application as declined, frees the place and says so in the history", async () => {
    const { town, applicationId, requestId, answer } = await offered();
    expect(await capacityUsage(db(), { communeId: town.commune.id, now })).toContainEqual(
      expect.objectContaining({ ageGroup: "bebes", held: 1 }),
    );
    expect(await declineNurseryOffer(db(), answer)).toMatchObject({ ok: true });
    expect((await applicationRow(db(), applicationId)).status).toBe("declined");
    const state = await requestState(db(), requestId);
    expect(state.status).toBe("withdrawn");
    expect(state.events.at(-1)).toEqual({
      kind: "withdrawn",
      side: "family",
      message: "Place déclinée par la famille",
    });
    expect(await capacityUsage(db(), { communeId: town.commune.id, now })).toContainEqual(
      expect.objectContaining({ ageGroup: "bebes", held: 0 }),
    );
    expect(await acceptNurseryOffer(db(), answer)).toEqual({ ok: false, reason: "not_offered" });
    expect(await db().select().from(enrolments).where(eq(enrolments.activityId, town.structure.activityId))).toEqual(
      [],
    );
  });
});

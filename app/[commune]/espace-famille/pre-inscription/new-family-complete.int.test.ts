import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { enrolments, guardianPreferences, guardians, mailOutbox, requests } from "@/db/schema";
import { insertActivity } from "@/lib/bookings/test-fixtures";
import { todayInParis } from "@/lib/clock";
import { newFamilyFields, newFamilyFinanceFields } from "@/lib/new-family/test-fixtures";
import { decideRequest } from "@/lib/requests/decide";
import { getAccountPreRegistration } from "@/lib/requests/detail";
import { listAccountPreRegistrations, listHouseholdRequests } from "@/lib/requests/lists";
import { insertCommune, insertUser } from "@/lib/testing/fixtures";
import { formData, signInAs } from "@/lib/testing/harness";
import { setUpTestDatabase } from "@/lib/testing/set-up-test-database";
import { saveFamilyStep, saveFinanceStep, saveWishesStep, sendPreRegistration } from "./actions";

/*
 * Issue #14's new-family part: step 1's new fields reach the household, step 3's services become enrolment
 * requests the agent confirms, and the pending pre-registration shows in Mes demandes with its acknowledgement.
 */

const database = setUpTestDatabase();

/** A commune running a canteen, an evening périscolaire and a Wednesday centre (no morning one), and a family. */
async function setUp() {
  const db = database.db;
  const commune = await insertCommune(db);
  const family = await insertUser(db, commune.id, "family", {
    civility: "MME",
    firstName: "Inès",
    lastName: "Nouvelle",
  });
  const agent = await insertUser(db, commune.id, "agent");
  const canteen = await insertActivity(db, commune.id, { name: "Repas Sco", facility: "Restaurant du Bourg" });
  const evening = await insertActivity(db, commune.id, {
    name: "Péri SOIR",
    facility: "École du Bourg",
    category: "periscolaire",
    startTime: "16:30",
    endTime: "18:30",
  });
  const wednesday = await insertActivity(db, commune.id, {
    name: "Mercredi Loisirs",
    facility: "Centre de loisirs",
    category: "loisirs",
    weekdays: [3],
    startTime: "08:00",
    endTime: "18:00",
  });
  signInAs(family, commune.slug);
  return { db, commune, family, agent, slug: commune.slug, canteen, evening, wednesday };
}

/** Léo: cantine, soir and matin (no such activity here); Zoé: mercredi. */
async function send(slug: string) {
  expect(await saveFamilyStep(slug, null, formData(newFamilyFields()))).toMatchObject({ ok: true });
  expect(await saveFinanceStep(slug, null, formData({ ...newFamilyFinanceFields, directDebit: "no" }))).toMatchObject({
    ok: true,
  });
  expect(
    await saveWishesStep(slug, null, formData({ wishes: ["0:cantine", "0:soir", "0:matin", "1:mercredi"] })),
  ).toMatchObject({ ok: true });
  const sent = await sendPreRegistration(slug, null, formData({}));
  expect(sent).toMatchObject({ ok: true });
}

describe("new family, complete", () => {
  it("sending shows the pending request in Mes demandes with its history, and mails its acknowledgement", async () => {
    const { db, commune, family, slug } = await setUp();
    await send(slug);
    const [row] = await db.select().from(requests).where(eq(requests.createdByUserId, family.id));
    const mine = await listAccountPreRegistrations(db, { communeId: commune.id, userId: family.id });
    expect(mine.items).toMatchObject([
      { reference: row!.reference, typeLabel: "Pré-inscription nouvelle famille", statusLabel: "En cours" },
    ]);
    const detail = await getAccountPreRegistration(db, {
      communeId: commune.id,
      userId: family.id,
      requestId: row!.id,
    });
    expect(detail?.history.map((h) => h.kind)).toEqual(["created", "transmitted"]);

    const mails = await db.select().from(mailOutbox).where(eq(mailOutbox.to, family.email));
    expect(mails).toHaveLength(1);
    expect(mails[0]).toMatchObject({ template: "new-family-acknowledgement" });
    expect(mails[0]!.subject).toContain("Accusé d'enregistrement électronique");
    expect(mails[0]!.text).toContain("Bonjour Mme Inès NOUVELLE,");
    expect(mails[0]!.text).toContain(`Votre demande de pré-inscription ${row!.reference}`);
    expect(mails[0]!.text).toContain("Léo NOUVELLE");
    expect(mails[0]!.text).toContain("Restauration scolaire (cantine), Périscolaire du soir, Périscolaire du matin");
    expect(mails[0]!.text).toContain(`/${slug}/mon-espace-citoyen/mes-demandes`);
  });

  it("another account or another commune neither reads the pending pre-registration nor gets its mail", async () => {
    const { db, commune, family, slug } = await setUp();
    await send(slug);
    const [row] = await db.select().from(requests).where(eq(requests.createdByUserId, family.id));
    const intruder = await insertUser(db, commune.id, "family");
    const elsewhere = await insertCommune(db);
    for (const scope of [
      { communeId: commune.id, userId: intruder.id },
      { communeId: elsewhere.id, userId: family.id },
    ]) {
      expect((await listAccountPreRegistrations(db, scope)).items).toEqual([]);
      expect(await getAccountPreRegistration(db, { ...scope, requestId: row!.id })).toBeNull();
    }
    expect(await db.select().from(mailOutbox).where(eq(mailOutbox.to, intruder.email))).toHaveLength(0);
  });

  it("accepting carries step 1's new fields and asks one enrolment per service the commune runs; confirming enrols", async () => {
    const { db, commune, family, agent, slug, canteen, evening, wednesday } = await setUp();
    await send(slug);
    const [row] = await db.select().from(requests).where(eq(requests.createdByUserId, family.id));
    const accept = (requestId: string, agentUserId = agent.id, communeId = commune.id) =>
      decideRequest(db, { communeId, agentUserId, requestId, decision: "accepted" });
    expect(await accept(row!.id)).toMatchObject({ ok: true });
    const householdId = row!.targetId;

    const ines = (await db.select().from(guardians).where(eq(guardians.householdId, householdId))).find(
      (g) => g.rank === 1,
    )!;
    expect(ines).toMatchObject({ quality: "Mère", familySituation: "Mariée", country: "France" });
    const [prefs] = await db.select().from(guardianPreferences).where(eq(guardianPreferences.guardianId, ines.id));
    expect(prefs).toMatchObject({ invoiceByPost: true, remindByEmail: true, remindBySms: true, remindByPost: false });

    // Léo's matin: no morning activity in this commune, so no request for it.
    const asked = await db
      .select()
      .from(requests)
      .where(and(eq(requests.householdId, householdId), eq(requests.type, "enrolment.create")));
    const today = todayInParis();
    const endOfYear = `${Number(today.slice(0, 4)) + (Number(today.slice(5, 7)) >= 9 ? 1 : 0)}-08-31`;
    expect(
      asked.map((r) => [r.subject, r.status, r.payload.activityId, r.payload.startsOn, r.payload.endsOn]).sort(),
    ).toEqual(
      [
        ["Léo NOUVELLE – Péri SOIR", "pending", evening.id, today, endOfYear],
        ["Léo NOUVELLE – Repas Sco", "pending", canteen.id, today, endOfYear],
        ["Zoé NOUVELLE – Mercredi Loisirs", "pending", wednesday.id, today, endOfYear],
      ].sort(),
    );
    // The family sees them in its Mes demandes, beside the accepted pre-registration.
    const listed = await listHouseholdRequests(db, { communeId: commune.id, householdId });
    expect(listed.items.filter((r) => r.typeLabel === "Inscription à une activité")).toHaveLength(3);
    expect(await db.select().from(enrolments).where(eq(enrolments.householdId, householdId))).toHaveLength(0);

    // Another commune's agent cannot confirm them.
    const elsewhere = await insertCommune(db);
    const stranger = await insertUser(db, elsewhere.id, "agent");
    expect(await accept(asked[0]!.id, stranger.id, elsewhere.id)).toMatchObject({ ok: false, reason: "not_found" });
    expect(await accept(asked[0]!.id, stranger.id)).toMatchObject({ ok: false, reason: "forbidden" });

    for (const request of asked) expect(await accept(request.id)).toMatchObject({ ok: true });
    const enrolled = await db.select().from(enrolments).where(eq(enrolments.householdId, householdId));
    expect(enrolled.map((e) => [e.activityId, e.status, e.startsOn, e.endsOn]).sort()).toEqual(
      [
        [canteen.id, "active", today, endOfYear],
        [evening.id, "active", today, endOfYear],
        [wednesday.id, "active", today, endOfYear],
      ].sort(),
    );
    expect(enrolled.map((e) => e.id).sort()).toEqual(asked.map((r) => r.targetId).sort());
  });

  it("refusing an enrolment request enrols nothing", async () => {
    const { db, commune, family, agent, slug } = await setUp();
    await send(slug);
    const [row] = await db.select().from(requests).where(eq(requests.createdByUserId, family.id));
    await decideRequest(db, { communeId: commune.id, agentUserId: agent.id, requestId: row!.id, decision: "accepted" });
    const [first] = await db
      .select()
      .from(requests)
      .where(and(eq(requests.householdId, row!.targetId), eq(requests.type, "enrolment.create")));
    expect(
      await decideRequest(db, {
        communeId: commune.id,
        agentUserId: agent.id,
        requestId: first!.id,
        decision: "refused",
        message: "Plus de place à la cantine.",
      }),
    ).toMatchObject({ ok: true });
    expect(await db.select().from(enrolments).where(eq(enrolments.householdId, row!.targetId))).toHaveLength(0);
  });
});

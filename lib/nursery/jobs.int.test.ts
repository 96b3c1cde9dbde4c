import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { nurseryApplications } from "@/db/schema";
import { runMaintenance } from "@/lib/jobs/maintenance";
import { setUpTestDatabase } from "@/lib/testing/set-up-test-database";
import { acceptNurseryOffer } from "./answer";
import {
  expireNurseryOffers,
  lapseUnconfirmedApplications,
  runNurseryJobs,
  sendNurseryConfirmationReminders,
} from "./jobs";
import {
  applicationRow,
  insertApplication,
  insertNurseryTown,
  nurseryMails,
  offer,
  requestState,
} from "./offer-test-fixtures";
import { capacityUsage } from "./structures";

/*
 * The crèche's jobs. Each is run twice, and twice at once: on PostgreSQL (DATABASE_URL set) the concurrent runs
 * really overlap; on PGlite they queue, and the test still checks each application moves and is mailed once.
 */

const database = setUpTestDatabase();
const db = () => database.db;

// Sent on Tuesday 01/12/2026 at 11:00 in Paris: due on Monday 01/03/2027, reminded from Sunday 14/02.
const sentAt = new Date("2026-12-01T10:00:00Z");
const paris = (day: string, time: string) => new Date(`${day}T${time}:00+01:00`);

describe("confirmation reminders", () => {
  it("mail an open application once in its period, from 15 days before the due day and from 08:00", async () => {
    const town = await insertNurseryTown(db());
    const app = await insertApplication(db(), town, { sentAt });
    const fresh = await insertApplication(db(), town, { sentAt: new Date("2026-12-20T10:00:00Z") });
    expect(await sendNurseryConfirmationReminders(db(), { now: paris("2027-02-13", "12:00") })).toBe(0);
    expect(await sendNurseryConfirmationReminders(db(), { now: paris("2027-02-14", "07:59") })).toBe(0);
    const now = paris("2027-02-14", "08:00");
    const [first, second] = await Promise.all([
      sendNurseryConfirmationReminders(db(), { now }),
      sendNurseryConfirmationReminders(db(), { now }),
    ]);
    expect(first! + second!).toBe(1);
    expect(await sendNurseryConfirmationReminders(db(), { now: paris("2027-02-20", "09:00") })).toBe(0);
    const mails = await nurseryMails(db(), town.commune.id);
    expect(mails.map((m) => [m.to, m.subject])).toEqual([
      [app.family.user.email, `Confirmez votre pré-inscription en crèche (${app.reference})`],
    ]);
    expect(mails[0]!.text).toContain("au plus tard le 01/03/2027");
    expect((await applicationRow(db(), app.applicationId)).confirmationReminderSentAt).toEqual(now);
    expect((await applicationRow(db(), fresh.applicationId)).confirmationReminderSentAt).toBeNull();

    // Confirmed by the family (Part A's action resets both): reminded again at the end of the next period.
    await db()
      .update(nurseryApplications)
      .set({ confirmedAt: paris("2027-02-20", "10:00"), confirmationReminderSentAt: null })
      .where(eq(nurseryApplications.id, app.applicationId));
    expect(await sendNurseryConfirmationReminders(db(), { now: paris("2027-05-04", "09:00") })).toBe(0);
    expect(await sendNurseryConfirmationReminders(db(), { now: paris("2027-05-05", "09:00") })).toBe(1);
  });

  it("leave offered and closed applications alone", async () => {
    const town = await insertNurseryTown(db());
    const app = await insertApplication(db(), town, { sentAt });
    await offer(db(), town, app.applicationId, paris("2027-02-12", "17:00"));
    expect(await sendNurseryConfirmationReminders(db(), { now: paris("2027-02-15", "09:00") })).toBe(0);
    expect(await lapseUnconfirmedApplications(db(), { now: paris("2027-03-05", "09:00") })).toBe(0);
  });
});

describe("lapse of unconfirmed applications", () => {
  it("lapses an open application the day after its due day, once, mailing the family", async () => {
    const town = await insertNurseryTown(db());
    const app = await insertApplication(db(), town, { sentAt });
    expect(await lapseUnconfirmedApplications(db(), { now: paris("2027-03-01", "23:59") })).toBe(0);
    const now = paris("2027-03-02", "00:01");
    const results = await Promise.all([
      lapseUnconfirmedApplications(db(), { now }),
      lapseUnconfirmedApplications(db(), { now }),
    ]);
    expect(results.reduce((a, b) => a + b)).toBe(1);
    expect(await lapseUnconfirmedApplications(db(), { now })).toBe(0);
    expect((await applicationRow(db(), app.applicationId)).status).toBe("lapsed");
    const state = await requestState(db(), app.requestId);
    expect(state.status).toBe("withdrawn");
    expect(state.unread).toBe(1);
    expect(state.events.at(-1)).toEqual({
      kind: "withdrawn",
      side: "town",
      message: "Demande caduque : non confirmée avant le 01/03/2027.",
    });
    expect((await nurseryMails(db(), town.commune.id)).map((m) => m.subject)).toEqual([
      `Votre pré-inscription en crèche n'a pas été confirmée (${app.reference})`,
    ]);
  });

  it("does not lapse an application confirmed in the meantime", async () => {
    const town = await insertNurseryTown(db());
    const app = await insertApplication(db(), town, { sentAt });
    await db()
      .update(nurseryApplications)
      .set({ confirmedAt: paris("2027-03-01", "18:00") })
      .where(eq(nurseryApplications.id, app.applicationId));
    expect(await lapseUnconfirmedApplications(db(), { now: paris("2027-03-02", "09:00") })).toBe(0);
    expect((await applicationRow(db(), app.applicationId)).status).toBe("submitted");
  });
});

describe("expiry of unanswered offers", () => {
  it("returns the place to the commission at the end of the delay, once, mailing the family", async () => {
    const town = await insertNurseryTown(db());
    const app = await insertApplication(db(), town, { sentAt });
    // Offered on Saturday 09/01: answered until Sunday 17/01 included.
    await offer(db(), town, app.applicationId, paris("2027-01-09", "17:00"));
    expect(await expireNurseryOffers(db(), { now: paris("2027-01-17", "23:59") })).toBe(0);
    const now = paris("2027-01-18", "00:00");
    const results = await Promise.all([expireNurseryOffers(db(), { now }), expireNurseryOffers(db(), { now })]);
    expect(results.reduce((a, b) => a + b)).toBe(1);
    expect(await expireNurseryOffers(db(), { now })).toBe(0);
    expect(await applicationRow(db(), app.applicationId)).toMatchObject({
      status: "submitted",
      offeredStructureId: null,
      offeredStartOn: null,
      offeredSchedule: null,
      offerExpiresAt: null,
    });
    const state = await requestState(db(), app.requestId);
    expect(state.status).toBe("pending");
    expect(state.events.at(-1)).toEqual({
      kind: "message",
      side: "town",
      message: "Délai de réponse dépassé : la place retourne à la commission.",
    });
    const [mail] = await nurseryMails(db(), town.commune.id);
    expect(mail!.subject).toBe(`Le délai pour répondre à la place proposée est dépassé (${app.reference})`);
    expect(mail!.text).toContain(`${town.structure.name} à partir du 01/02/2027`);
    expect(await capacityUsage(db(), { communeId: town.commune.id, now })).toContainEqual(
      expect.objectContaining({ ageGroup: "bebes", held: 0 }),
    );
    // The family can no longer accept it.
    const late = await acceptNurseryOffer(db(), {
      communeId: town.commune.id,
      householdId: app.family.household.id,
      userId: app.family.user.id,
      applicationId: app.applicationId,
      now,
    });
    expect(late).toEqual({ ok: false, reason: "not_offered" });
  });

  it("of an offer and its acceptance at the same moment: exactly one applies", async () => {
    const town = await insertNurseryTown(db());
    const apps = await Promise.all(Array.from({ length: 6 }, () => insertApplication(db(), town, { sentAt })));
    for (const app of apps) await offer(db(), town, app.applicationId, paris("2027-01-09", "17:00"));
    // The family's clock says it is still in time, the job's that it is over (two instances a little apart).
    const outcomes = await Promise.all(
      apps.map((app) =>
        Promise.all([
          acceptNurseryOffer(db(), {
            communeId: town.commune.id,
            householdId: app.family.household.id,
            userId: app.family.user.id,
            applicationId: app.applicationId,
            now: paris("2027-01-17", "23:59"),
          }),
          runNurseryJobs(db(), { now: paris("2027-01-18", "00:00") }),
        ]),
      ),
    );
    const accepted = outcomes.filter(([answer]) => answer.ok).length;
    const expired = outcomes.reduce((sum, [, jobs]) => sum + jobs.offersExpired, 0);
    expect(accepted + expired).toBe(apps.length);
    for (const app of apps) {
      const row = await applicationRow(db(), app.applicationId);
      expect(["accepted", "submitted"]).toContain(row.status);
    }
  });
});

describe("maintenance", () => {
  it("runs the crèche's jobs by the simulated clock and says what they did", async () => {
    const town = await insertNurseryTown(db());
    const app = await insertApplication(db(), town, { sentAt });
    await offer(db(), town, app.applicationId, paris("2027-01-09", "17:00"));
    const result = await runMaintenance(db(), paris("2027-01-20", "09:00"));
    expect(result.nursery).toMatchObject({ offersExpired: 1 });
    expect((await applicationRow(db(), app.applicationId)).status).toBe("submitted");
  });
});

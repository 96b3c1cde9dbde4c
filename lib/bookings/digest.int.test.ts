import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import {
  activities,
  type BookingEventKind,
  type BookingStatus,
  bookingEvents,
  bookings,
  digestDeliveries,
  digestRuns,
  mailOutbox,
  requests,
  subscriptions,
} from "@/db/schema";
import { insertFamily } from "@/lib/family-file/test-fixtures";
import { type IsoDay, parisInstant } from "@/lib/planning/days";
import { insertCommune, insertUser } from "@/lib/testing/fixtures";
import { setUpTestDatabase } from "@/lib/testing/set-up-test-database";
import { runDecisionDigests } from "./digest";

const database = setUpTestDatabase();
const db = () => database.db;

// The digest's windows are global: each test starts from "no completed run" and uses its own days.
beforeEach(async () => {
  await db().delete(digestRuns);
});

const paris = (day: IsoDay, time: string, seconds = 0) => new Date(parisInstant(day, time).getTime() + seconds * 1000);
let referenceCounter = 0;

/** A household of its own commune with one subscribed active account, a child and "1/Péri MATIN". */
async function setupHousehold() {
  const commune = await insertCommune(db());
  const f = await insertFamily(db(), commune.id);
  await db()
    .insert(subscriptions)
    .values({ communeId: commune.id, userId: f.family.id, householdId: f.householdId, method: "subscriber_code" });
  const [activity] = await db()
    .insert(activities)
    .values({
      communeId: commune.id,
      code: "1",
      name: "Péri MATIN",
      facility: "École Jean Moulin",
      category: "periscolaire",
      weekdays: [1, 2, 4, 5],
      startTime: "07:35",
      endTime: "08:30",
      color: "#1d4ed8",
    })
    .returning();
  const scope = { communeId: commune.id, householdId: f.householdId };

  /** A day of a booking (or absence) request, its status now and one event on it. */
  async function event(p: {
    day: IsoDay;
    at: Date;
    kind: BookingEventKind;
    status: BookingStatus;
    side?: "family" | "town" | "system";
    message?: string;
    absence?: boolean;
  }) {
    const [request] = await db()
      .insert(requests)
      .values({
        ...scope,
        createdByUserId: f.family.id,
        type: p.absence ? "booking.absence" : "booking.add",
        reference: `D2026-${String(++referenceCounter).padStart(6, "0")}`,
        targetType: "booking_request",
        targetId: randomUUID(),
        payload: {},
      })
      .returning();
    const [booking] = await db()
      .insert(bookings)
      .values({
        ...scope,
        childId: f.child.id,
        activityId: activity!.id,
        date: p.day,
        status: p.status,
        requestId: request!.id,
      })
      .returning();
    await db()
      .insert(bookingEvents)
      .values({
        ...scope,
        bookingId: booking!.id,
        requestId: request!.id,
        kind: p.kind,
        side: p.side ?? "town",
        message: p.message ?? null,
        createdAt: p.at,
      });
  }

  const mails = () =>
    db()
      .select()
      .from(mailOutbox)
      .where(and(eq(mailOutbox.communeId, commune.id), eq(mailOutbox.template, "booking-decisions-digest")))
      .orderBy(mailOutbox.createdAt);
  return { commune, f, event, mails, childName: `${f.child.firstName} ${f.child.lastName}` };
}

describe("runDecisionDigests", () => {
  it("mails each household once per window, to each active account, listing its decisions", async () => {
    const a = await setupHousehold();
    const secondAccount = await insertUser(db(), a.commune.id);
    const notActivated = await insertUser(db(), a.commune.id, "family", { status: "pending" });
    await db()
      .insert(subscriptions)
      .values(
        [secondAccount, notActivated].map((u) => ({
          communeId: a.commune.id,
          userId: u.id,
          householdId: a.f.householdId,
          method: "subscriber_code" as const,
        })),
      );
    await a.event({ day: "2026-02-10", at: paris("2026-02-02", "09:00"), kind: "accepted", status: "booked" });
    await a.event({
      day: "2026-02-09",
      at: paris("2026-02-02", "11:00"),
      kind: "refused",
      status: "refused",
      message: "Complet ce jour-là.",
    });
    await a.event({
      day: "2026-02-12",
      at: paris("2026-02-02", "11:30"),
      kind: "promoted",
      status: "booked",
      side: "system",
    });
    const b = await setupHousehold();
    await b.event({
      day: "2026-02-13",
      at: paris("2026-02-01", "18:30"),
      kind: "absence_accepted",
      status: "absent_billed",
      absence: true,
    });
    // The family's own acts are not decisions.
    const c = await setupHousehold();
    await c.event({
      day: "2026-02-13",
      at: paris("2026-02-02", "10:00"),
      kind: "booking_requested",
      status: "requested",
      side: "family",
    });

    expect(await runDecisionDigests(db(), paris("2026-02-02", "13:02"))).toEqual({ windows: 1, mails: 3 });

    const aMails = await a.mails();
    expect(aMails.map((m) => m.to).sort()).toEqual([a.f.family.email, secondAccount.email].sort());
    const mail = aMails[0]!;
    expect(mail.subject).toBe(`Accusé de traitement de vos demandes – Portail Famille ${a.commune.name}`);
    expect(mail.status).toBe("local");
    expect(mail.text).toContain("traitées entre le 01/02/2026 à 18:01 et le 02/02/2026 à 13:00");
    // Days in order, each with its decision (and the agent's message).
    const lines = mail.text.split("\n").filter((line) => /^\d\d\/\d\d\/2026 /.test(line));
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(
      new RegExp(`^09/02/2026\\s+07:35\\s+Réservation\\s+${a.childName}\\s+1/Péri MATIN\\s+Refusée$`),
    );
    expect(lines[1]).toMatch(/^10\/02\/2026 .*Acceptée$/);
    expect(lines[2]).toMatch(/^12\/02\/2026 .*Place attribuée \(liste d'attente\)$/);
    expect(mail.text).toContain("Message de la collectivité : Complet ce jour-là.");
    expect(mail.html).toContain('<th scope="col"');
    expect(mail.html).toContain(`/${a.commune.slug}/mon-espace-citoyen/mes-demandes`);

    const [bMail, ...bOthers] = await b.mails();
    expect(bOthers).toHaveLength(0);
    expect(bMail!.text).toMatch(/13\/02\/2026\s+07:35\s+Absence\s+.*Absence acceptée \(facturée\)/);
    expect(await c.mails()).toHaveLength(0);

    const deliveries = await db()
      .select()
      .from(digestDeliveries)
      .where(eq(digestDeliveries.householdId, a.f.householdId));
    expect(deliveries).toHaveLength(1);
    expect(aMails.map((m) => m.id)).toContain(deliveries[0]!.mailId);
  });

  it("sends nothing for a window without decisions, and records the window as done", async () => {
    const a = await setupHousehold();
    await a.event({ day: "2026-02-17", at: paris("2026-02-03", "14:00"), kind: "accepted", status: "booked" });
    expect(await runDecisionDigests(db(), paris("2026-02-03", "13:02"))).toEqual({ windows: 1, mails: 0 });
    const [run] = await db()
      .select()
      .from(digestRuns)
      .where(eq(digestRuns.windowEnd, paris("2026-02-03", "13:00")));
    expect(run?.mailCount).toBe(0);
    expect(await a.mails()).toHaveLength(0);
  });

  it("sends once however many times it runs, even concurrently", async () => {
    const a = await setupHousehold();
    await a.event({ day: "2026-02-19", at: paris("2026-02-04", "15:00"), kind: "accepted", status: "booked" });
    const now = paris("2026-02-04", "18:02");
    const [first, second] = await Promise.all([runDecisionDigests(db(), now), runDecisionDigests(db(), now)]);
    expect(first.mails + second.mails).toBe(1);
    await db().delete(digestRuns); // as if the run had crashed before recording the window
    expect(await runDecisionDigests(db(), now)).toEqual({ windows: 1, mails: 0 });
    expect(await runDecisionDigests(db(), now)).toEqual({ windows: 0, mails: 0 });
    expect(await a.mails()).toHaveLength(1);
  });

  it("run for the latest window only, mails the households decided since that window ran, and only them", async () => {
    const a = await setupHousehold();
    await a.event({ day: "2026-02-26", at: paris("2026-02-11", "09:00"), kind: "accepted", status: "booked" });
    const jumpedTo = paris("2026-02-11", "13:02");
    expect(await runDecisionDigests(db(), jumpedTo, { latestWindowOnly: true })).toEqual({ windows: 1, mails: 1 });
    // A decision stamped in that window after it ran: only a run of that very window reaches it.
    const b = await setupHousehold();
    await b.event({ day: "2026-02-26", at: paris("2026-02-11", "09:30"), kind: "refused", status: "refused" });
    expect(await runDecisionDigests(db(), jumpedTo)).toEqual({ windows: 0, mails: 0 });
    expect(await runDecisionDigests(db(), jumpedTo, { latestWindowOnly: true })).toEqual({ windows: 1, mails: 1 });
    expect(await a.mails()).toHaveLength(1);
    expect(await b.mails()).toHaveLength(1);
  });

  it("catches up the windows missed since the last completed run", async () => {
    const a = await setupHousehold();
    expect(await runDecisionDigests(db(), paris("2026-02-05", "18:02"))).toEqual({ windows: 1, mails: 0 });
    await a.event({ day: "2026-02-23", at: paris("2026-02-06", "08:00"), kind: "accepted", status: "booked" });
    await a.event({ day: "2026-02-24", at: paris("2026-02-06", "16:00"), kind: "refused", status: "refused" });
    // Down from 13:00 to 18:00 on the 6th: both windows of the day go out at the next run, in order.
    expect(await runDecisionDigests(db(), paris("2026-02-06", "18:10"))).toEqual({ windows: 2, mails: 2 });
    const [noon, evening] = await a.mails();
    expect(noon!.text).toMatch(/23\/02\/2026 .*Acceptée/);
    expect(noon!.text).not.toContain("24/02/2026");
    expect(evening!.text).toMatch(/24\/02\/2026 .*Refusée/);
    expect(evening!.text).toContain("entre le 06/02/2026 à 13:01 et le 06/02/2026 à 18:00");
  });

  it("puts a decision at 13:00:30 in the 13:00 window and one at 13:01 in the 18:00 window", async () => {
    const a = await setupHousehold();
    await a.event({ day: "2026-03-02", at: paris("2026-02-09", "13:00", 30), kind: "accepted", status: "booked" });
    await a.event({ day: "2026-03-03", at: paris("2026-02-09", "13:01"), kind: "waitlisted", status: "waiting" });
    expect(await runDecisionDigests(db(), paris("2026-02-09", "13:02"))).toEqual({ windows: 1, mails: 1 });
    expect(await runDecisionDigests(db(), paris("2026-02-09", "18:02"))).toEqual({ windows: 1, mails: 1 });
    const [noon, evening] = await a.mails();
    expect(noon!.text).toMatch(/02\/03\/2026 .*Acceptée/);
    expect(noon!.text).not.toContain("03/03/2026");
    expect(evening!.text).toMatch(/03\/03\/2026 .*Liste d'attente/);
    expect(evening!.text).not.toContain("02/03/2026");
  });
});

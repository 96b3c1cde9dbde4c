import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { activityDayPlaces, bookingEvents, bookings, closureDays, mailOutbox, requests } from "@/db/schema";
import { updateActivity } from "@/lib/activities/activities";
import { decideRequest } from "@/lib/requests/decide";
import { withdrawRequest } from "@/lib/requests/withdraw";
import { findSubscribedHouseholdId } from "@/lib/subscriptions/households";
import { setUpTestDatabase } from "@/lib/testing/set-up-test-database";
import { cancelSlotRequest } from "./cancel";
import { decideBookings } from "./decide";
import { runDecisionDigests } from "./digest";
import { loadSlotHistory } from "./history";
import { loadPlanning } from "./planning";
import { previewSlotRequest, submitSlotRequest } from "./submit";
import { enrol, familyScope, insertActivity, insertFamily, insertTown } from "./test-fixtures";

const database = setUpTestDatabase();
// Tuesday 24/11/2026, 09:00 in Paris.
const now = new Date("2026-11-24T08:00:00Z");
const thursday = "2026-12-03";
const oneDay = (childId: string, activityId: string, day = thursday, kind: "booking" | "absence" = "booking") => ({
  kind,
  childId,
  activityId,
  from: day,
  to: day,
  weekdays: [1, 2, 3, 4, 5, 6, 7],
});

/** The kept count of places taken on the test's Thursday. */
async function placesCounted(activityId: string) {
  const [row] = await database.db
    .select({ taken: activityDayPlaces.taken })
    .from(activityDayPlaces)
    .where(and(eq(activityDayPlaces.activityId, activityId), eq(activityDayPlaces.date, thursday)));
  return row?.taken ?? 0;
}

async function statusOf(bookingId: string) {
  const [row] = await database.db.select({ status: bookings.status }).from(bookings).where(eq(bookings.id, bookingId));
  return row?.status;
}

describe("a booking request", () => {
  let town: Awaited<ReturnType<typeof insertTown>>;
  let family: Awaited<ReturnType<typeof insertFamily>>;
  let activityId: string;
  beforeAll(async () => {
    town = await insertTown(database.db);
    family = await insertFamily(database.db, town.commune.id, 2);
    activityId = (await insertActivity(database.db, town.commune.id, { capacity: 20 })).id;
    await enrol(database.db, {
      communeId: town.commune.id,
      householdId: family.household.id,
      childIds: family.children.map((c) => c.id),
      activityId,
    });
  });
  const scope = () => ({ ...familyScope(town.commune, family), now });

  it("over a period creates one request whose days each get a verdict, and mails the acknowledgement", async () => {
    const input = {
      kind: "booking" as const,
      childId: family.children[0]!.id,
      activityId,
      from: "2026-11-24",
      to: "2026-12-04",
      weekdays: [1, 2, 3, 4, 5],
    };
    const preview = await previewSlotRequest(database.db, { ...scope(), input });
    const result = await submitSlotRequest(database.db, { ...scope(), input });
    expect(result.ok && preview.ok).toBe(true);
    if (!result.ok || !preview.ok) return;
    expect(preview.days.map((d) => d.outcome)).toEqual(result.results.map((d) => d.outcome));
    // Tue 24 (today: deadline passed), Thu 26 (deadline Tue 10:00: still open), …
    expect(result.results.map((d) => [d.day, d.outcome])).toEqual([
      ["2026-11-24", "refused"],
      ["2026-11-26", "requested"],
      ["2026-11-27", "requested"],
      ["2026-11-30", "requested"],
      ["2026-12-01", "requested"],
      ["2026-12-03", "requested"],
      ["2026-12-04", "requested"],
    ]);
    expect(result.results[0]!.reason).toMatch(/^Délai dépassé/);
    const [request] = await database.db.select().from(requests).where(eq(requests.id, result.request!.id));
    expect(request).toMatchObject({ type: "booking.add", status: "pending", householdId: family.household.id });
    expect(request!.payload.days).toHaveLength(6);
    const mails = await database.db.select().from(mailOutbox).where(eq(mailOutbox.to, family.user.email));
    expect(mails.some((m) => m.text.includes("6 demandes de réservation"))).toBe(true);
  });

  it("creates nothing when every day is refused", async () => {
    const before = await database.db.select({ id: requests.id }).from(requests);
    const result = await submitSlotRequest(database.db, {
      ...scope(),
      input: oneDay(family.children[1]!.id, activityId, "2026-11-24"),
    });
    expect(result).toEqual({
      ok: true,
      request: null,
      results: [{ day: "2026-11-24", outcome: "refused", reason: expect.stringMatching(/^Délai dépassé/) }],
    });
    expect(await database.db.select({ id: requests.id }).from(requests)).toHaveLength(before.length);
  });

  it("answers a period outside the enrolment, or a forged child or activity, with a field error", async () => {
    const child = family.children[1]!.id;
    const outside = await submitSlotRequest(database.db, {
      ...scope(),
      input: { ...oneDay(child, activityId), from: "2027-08-30", to: "2027-09-10" },
    });
    expect(outside).toEqual({
      ok: false,
      fieldErrors: {
        to: "Les dates doivent être comprises dans la période de l'inscription (du 01/09/2026 au 31/08/2027).",
      },
    });
    const other = await insertFamily(database.db, town.commune.id);
    expect(
      await submitSlotRequest(database.db, { ...scope(), input: oneDay(other.children[0]!.id, activityId) }),
    ).toMatchObject({ ok: false, fieldErrors: { childId: expect.any(String) } });
    const otherActivity = await insertActivity(database.db, town.commune.id);
    expect(await submitSlotRequest(database.db, { ...scope(), input: oneDay(child, otherActivity.id) })).toMatchObject({
      ok: false,
      fieldErrors: { activityId: expect.any(String) },
    });
  });

  it("can be cancelled while pending, and the slot keeps its history", async () => {
    const submitted = await submitSlotRequest(database.db, {
      ...scope(),
      input: oneDay(family.children[1]!.id, activityId, "2026-12-07"),
    });
    if (!submitted.ok) throw new Error("not submitted");
    const [slot] = await database.db
      .select()
      .from(bookings)
      .where(and(eq(bookings.requestId, submitted.request!.id)));
    expect(await cancelSlotRequest(database.db, { ...scope(), bookingId: slot!.id })).toEqual({ ok: true });
    expect(await statusOf(slot!.id)).toBe("cancelled");
    expect(await cancelSlotRequest(database.db, { ...scope(), bookingId: slot!.id })).toEqual({
      ok: false,
      reason: "not_pending",
    });
    const [request] = await database.db.select().from(requests).where(eq(requests.id, submitted.request!.id));
    expect(request!.status).toBe("withdrawn");
    const history = await loadSlotHistory(database.db, { ...scope(), bookingId: slot!.id });
    expect(history?.map((h) => h.kind)).toEqual(["booking_requested", "cancelled"]);
    // Asking again reuses the slot.
    const again = await submitSlotRequest(database.db, {
      ...scope(),
      input: oneDay(family.children[1]!.id, activityId, "2026-12-07"),
    });
    expect(again.ok && again.results[0]!.outcome).toBe("requested");
    expect(await statusOf(slot!.id)).toBe("requested");
  });

  it("is decided by an agent: accepted days are booked, refused ones carry the message, and the request settles", async () => {
    const submitted = await submitSlotRequest(database.db, {
      ...scope(),
      input: { ...oneDay(family.children[1]!.id, activityId), from: "2026-12-10", to: "2026-12-11" },
    });
    if (!submitted.ok) throw new Error("not submitted");
    const days = await database.db
      .select()
      .from(bookings)
      .where(eq(bookings.requestId, submitted.request!.id))
      .orderBy(bookings.date);
    expect(
      await decideBookings(database.db, {
        communeId: town.commune.id,
        agentUserId: town.agent.id,
        bookingIds: [days[1]!.id],
        decision: "refuse",
      }),
    ).toEqual({ ok: false, reason: "message_required" });
    await decideBookings(database.db, {
      communeId: town.commune.id,
      agentUserId: town.agent.id,
      bookingIds: [days[0]!.id],
      decision: "accept",
      now,
    });
    let [request] = await database.db.select().from(requests).where(eq(requests.id, submitted.request!.id));
    expect(request!.status).toBe("pending");
    await decideBookings(database.db, {
      communeId: town.commune.id,
      agentUserId: town.agent.id,
      bookingIds: [days[1]!.id],
      decision: "refuse",
      message: "Cantine fermée pour travaux.",
      now,
    });
    [request] = await database.db.select().from(requests).where(eq(requests.id, submitted.request!.id));
    expect(request).toMatchObject({
      status: "accepted",
      decisionMessage: "Cantine fermée pour travaux.",
      familyUnreadCount: 1,
    });
    expect(await statusOf(days[0]!.id)).toBe("booked");
    expect(await statusOf(days[1]!.id)).toBe("refused");
  });

  it("goes through Mes demandes too: withdrawing or deciding the request acts on its days", async () => {
    const a = await submitSlotRequest(database.db, {
      ...scope(),
      input: oneDay(family.children[0]!.id, activityId, "2026-12-14"),
    });
    const b = await submitSlotRequest(database.db, {
      ...scope(),
      input: oneDay(family.children[0]!.id, activityId, "2026-12-15"),
    });
    if (!a.ok || !b.ok) throw new Error("not submitted");
    expect(
      await withdrawRequest(database.db, {
        communeId: town.commune.id,
        householdId: family.household.id,
        userId: family.user.id,
        requestId: a.request!.id,
      }),
    ).toEqual({ ok: true });
    const decided = await decideRequest(database.db, {
      communeId: town.commune.id,
      agentUserId: town.agent.id,
      requestId: b.request!.id,
      decision: "accepted",
    });
    expect(decided.ok && decided.request.status).toBe("accepted");
    const rows = await database.db
      .select({ requestId: bookings.requestId, status: bookings.status })
      .from(bookings)
      .where(eq(bookings.childId, family.children[0]!.id));
    expect(rows.find((r) => r.requestId === a.request!.id)?.status).toBe("cancelled");
    expect(rows.find((r) => r.requestId === b.request!.id)?.status).toBe("booked");
  });
});

describe("absences and the waiting list", () => {
  it("a full day puts the booking on the waiting list; an accepted absence gives its place to the first waiting child, whose family the digest tells", async () => {
    const town = await insertTown(database.db);
    const family = await insertFamily(database.db, town.commune.id, 3);
    const activity = await insertActivity(database.db, town.commune.id, { capacity: 1, autoAccept: true });
    await enrol(database.db, {
      communeId: town.commune.id,
      householdId: family.household.id,
      childIds: family.children.map((c) => c.id),
      activityId: activity.id,
    });
    const scope = { ...familyScope(town.commune, family), now };
    const [first, second, third] = family.children;
    const r1 = await submitSlotRequest(database.db, { ...scope, input: oneDay(first!.id, activity.id) });
    const r2 = await submitSlotRequest(database.db, { ...scope, input: oneDay(second!.id, activity.id) });
    const r3 = await submitSlotRequest(database.db, { ...scope, input: oneDay(third!.id, activity.id) });
    expect([r1, r2, r3].map((r) => r.ok && r.results[0]!.outcome)).toEqual(["booked", "waiting", "waiting"]);

    // The town accepts absences automatically here: the place goes to the second child at once.
    const absence = await submitSlotRequest(database.db, {
      ...scope,
      input: oneDay(first!.id, activity.id, thursday, "absence"),
    });
    expect(absence.ok && absence.results[0]!.outcome).toBe("absent");
    const slots = await database.db
      .select({ childId: bookings.childId, status: bookings.status })
      .from(bookings)
      .where(eq(bookings.activityId, activity.id));
    expect(Object.fromEntries(slots.map((s) => [s.childId, s.status]))).toEqual({
      [first!.id]: "absent",
      [second!.id]: "booked",
      [third!.id]: "waiting",
    });
    expect(await placesCounted(activity.id)).toBe(1);
    const promoted = await database.db
      .select()
      .from(bookingEvents)
      .where(and(eq(bookingEvents.kind, "promoted"), eq(bookingEvents.householdId, family.household.id)));
    expect(promoted).toHaveLength(1);
    // The family learns it from the next digest (13:00 here), with the other decisions, not from a mail of its own.
    await runDecisionDigests(database.db, new Date("2026-11-24T12:10:00Z"));
    const mails = await database.db.select().from(mailOutbox).where(eq(mailOutbox.to, family.user.email));
    expect(mails.map((m) => m.template).sort()).toEqual([
      ...Array(4).fill("booking-acknowledgement"),
      "booking-decisions-digest",
    ]);
    expect(mails.find((m) => m.template === "booking-decisions-digest")!.text).toContain(
      "Place attribuée (liste d'attente)",
    );
    expect(mails.find((m) => m.template === "booking-decisions-digest")!.text).toContain(
      `Bonjour Mme ${family.user.firstName} ${family.user.lastName.toUpperCase()},`,
    );
  });

  it("raising the capacity gives the new places to the waiting list at once", async () => {
    const town = await insertTown(database.db);
    const family = await insertFamily(database.db, town.commune.id, 3);
    const activity = await insertActivity(database.db, town.commune.id, { capacity: 1, autoAccept: true });
    await enrol(database.db, {
      communeId: town.commune.id,
      householdId: family.household.id,
      childIds: family.children.map((c) => c.id),
      activityId: activity.id,
    });
    const scope = { ...familyScope(town.commune, family), now };
    for (const child of family.children)
      await submitSlotRequest(database.db, { ...scope, input: oneDay(child.id, activity.id) });
    // The update runs "now" (today's real date), so the slot must lie ahead of it.
    const {
      code,
      name,
      facility,
      category,
      weekdays,
      startTime,
      endTime,
      color,
      bookingDeadlineDays,
      bookingDeadlineTime,
      cancellationDeadlineDays,
      cancellationDeadlineTime,
      deadlineDaysKind,
      lateAbsenceBilled,
      autoAccept,
    } = activity;
    const settings = {
      code,
      name,
      facility,
      category,
      weekdays,
      startTime,
      endTime,
      color,
      bookingDeadlineDays,
      bookingDeadlineTime,
      cancellationDeadlineDays,
      cancellationDeadlineTime,
      deadlineDaysKind,
      lateAbsenceBilled,
      autoAccept,
    };
    await database.db.update(bookings).set({ date: "2099-12-03" }).where(eq(bookings.activityId, activity.id));
    await database.db
      .update(activityDayPlaces)
      .set({ date: "2099-12-03" })
      .where(eq(activityDayPlaces.activityId, activity.id));
    await updateActivity(database.db, {
      communeId: town.commune.id,
      actorUserId: town.agent.id,
      activityId: activity.id,
      values: { ...settings, capacity: 2, archived: false },
    });
    const statuses = (
      await database.db.select({ status: bookings.status }).from(bookings).where(eq(bookings.activityId, activity.id))
    )
      .map((b) => b.status)
      .sort();
    expect(statuses).toEqual(["booked", "booked", "waiting"]);
  });

  it("a late absence is billed where the town says so, refused otherwise", async () => {
    const town = await insertTown(database.db);
    const family = await insertFamily(database.db, town.commune.id, 1);
    const billed = await insertActivity(database.db, town.commune.id, { autoAccept: true, lateAbsenceBilled: true });
    const strict = await insertActivity(database.db, town.commune.id, {
      autoAccept: true,
      code: "1",
      name: "Péri MATIN",
    });
    const child = family.children[0]!.id;
    await enrol(database.db, {
      communeId: town.commune.id,
      householdId: family.household.id,
      childIds: [child],
      activityId: billed.id,
    });
    await enrol(database.db, {
      communeId: town.commune.id,
      householdId: family.household.id,
      childIds: [child],
      activityId: strict.id,
    });
    const scope = familyScope(town.commune, family);
    for (const activityId of [billed.id, strict.id])
      await submitSlotRequest(database.db, { ...scope, now, input: oneDay(child, activityId, "2026-11-26") });
    // Wednesday 25/11, 12:00: Thursday's cancellation deadline (Tuesday 10:00) has passed.
    const late = new Date("2026-11-25T11:00:00Z");
    const a = await submitSlotRequest(database.db, {
      ...scope,
      now: late,
      input: oneDay(child, billed.id, "2026-11-26", "absence"),
    });
    const b = await submitSlotRequest(database.db, {
      ...scope,
      now: late,
      input: oneDay(child, strict.id, "2026-11-26", "absence"),
    });
    expect(a.ok && a.results[0]).toMatchObject({
      outcome: "absent_billed",
      reason: "Absence hors délai : elle sera facturée.",
    });
    expect(b.ok && b.results[0]).toMatchObject({
      outcome: "refused",
      reason: expect.stringMatching(/^Délai dépassé : les absences/),
    });
    expect(b.ok && b.request).toBeNull();
  });
});

describe("capacity under concurrency", () => {
  it("100 simultaneous requests for the last 10 places: exactly 10 booked, 90 waiting, no duplicate", async () => {
    const town = await insertTown(database.db);
    const activity = await insertActivity(database.db, town.commune.id, { capacity: 30, autoAccept: true });
    const families = await Promise.all(Array.from({ length: 6 }, () => insertFamily(database.db, town.commune.id, 20)));
    for (const f of families)
      await enrol(database.db, {
        communeId: town.commune.id,
        householdId: f.household.id,
        childIds: f.children.map((c) => c.id),
        activityId: activity.id,
      });
    const asks = families.flatMap((f) => f.children.map((c) => ({ f, childId: c.id })));
    // 20 places already taken.
    for (const { f, childId } of asks.slice(0, 20)) {
      await submitSlotRequest(database.db, {
        ...familyScope(town.commune, f),
        now,
        input: oneDay(childId, activity.id),
      });
    }
    const racing = asks.slice(20);
    const results = await Promise.all(
      racing.map(({ f, childId }) =>
        submitSlotRequest(database.db, { ...familyScope(town.commune, f), now, input: oneDay(childId, activity.id) }),
      ),
    );
    const outcomes = results.map((r) => (r.ok ? r.results[0]!.outcome : "error"));
    expect(outcomes.filter((o) => o === "booked")).toHaveLength(10);
    expect(outcomes.filter((o) => o === "waiting")).toHaveLength(90);
    const slots = await database.db
      .select({ status: bookings.status })
      .from(bookings)
      .where(eq(bookings.activityId, activity.id));
    expect(slots.filter((s) => s.status === "booked")).toHaveLength(30);
    expect(await placesCounted(activity.id)).toBe(30);
  });

  it("agents accepting 100 pending requests at once for 10 places: exactly 10 accepted, the rest waiting", async () => {
    const town = await insertTown(database.db);
    const activity = await insertActivity(database.db, town.commune.id, { capacity: 10 });
    const families = await Promise.all(Array.from({ length: 5 }, () => insertFamily(database.db, town.commune.id, 20)));
    for (const f of families)
      await enrol(database.db, {
        communeId: town.commune.id,
        householdId: f.household.id,
        childIds: f.children.map((c) => c.id),
        activityId: activity.id,
      });
    for (const f of families) {
      for (const c of f.children)
        await submitSlotRequest(database.db, {
          ...familyScope(town.commune, f),
          now,
          input: oneDay(c.id, activity.id),
        });
    }
    const pending = await database.db
      .select({ id: bookings.id })
      .from(bookings)
      .where(eq(bookings.activityId, activity.id));
    expect(pending).toHaveLength(100);
    const decided = await Promise.all(
      pending.map((b) =>
        decideBookings(database.db, {
          communeId: town.commune.id,
          agentUserId: town.agent.id,
          bookingIds: [b.id],
          decision: "accept",
          now,
        }),
      ),
    );
    const outcomes = decided.flatMap((d) => (d.ok ? d.results.map((r) => r.outcome) : []));
    expect(outcomes.filter((o) => o === "accepted")).toHaveLength(10);
    expect(outcomes.filter((o) => o === "waitlisted")).toHaveLength(90);
    expect(await placesCounted(activity.id)).toBe(10);
  });

  it("the same day asked ten times at once makes one slot: the database refuses duplicates", async () => {
    const town = await insertTown(database.db);
    const family = await insertFamily(database.db, town.commune.id, 1);
    const activity = await insertActivity(database.db, town.commune.id);
    const child = family.children[0]!.id;
    await enrol(database.db, {
      communeId: town.commune.id,
      householdId: family.household.id,
      childIds: [child],
      activityId: activity.id,
    });
    const scope = { ...familyScope(town.commune, family), now };
    const results = await Promise.all(
      Array.from({ length: 10 }, () => submitSlotRequest(database.db, { ...scope, input: oneDay(child, activity.id) })),
    );
    expect(results.filter((r) => r.ok && r.results[0]!.outcome === "requested")).toHaveLength(1);
    expect(await database.db.select().from(bookings).where(eq(bookings.childId, child))).toHaveLength(1);
    await expect(
      database.db.insert(bookings).values({
        communeId: town.commune.id,
        householdId: family.household.id,
        childId: child,
        activityId: activity.id,
        date: thursday,
        status: "requested",
      }),
    ).rejects.toThrow();
  });
});

describe("scoping", () => {
  it("never lets a family or an agent reach another household's or commune's slots", async () => {
    const town = await insertTown(database.db);
    const elsewhere = await insertTown(database.db);
    const owner = await insertFamily(database.db, town.commune.id, 1);
    const neighbour = await insertFamily(database.db, town.commune.id, 1);
    const activity = await insertActivity(database.db, town.commune.id);
    const child = owner.children[0]!.id;
    await enrol(database.db, {
      communeId: town.commune.id,
      householdId: owner.household.id,
      childIds: [child],
      activityId: activity.id,
    });
    const submitted = await submitSlotRequest(database.db, {
      ...familyScope(town.commune, owner),
      now,
      input: oneDay(child, activity.id),
    });
    const [slot] = await database.db.select().from(bookings).where(eq(bookings.childId, child));

    const asNeighbour = familyScope(town.commune, neighbour);
    const householdOf = (userId: string, pointer: "childId" | "bookingId", id: string) =>
      findSubscribedHouseholdId(database.db, { communeId: town.commune.id, userId, pointer, id });
    expect(await householdOf(neighbour.user.id, "childId", child)).toBeNull();
    expect(await householdOf(neighbour.user.id, "bookingId", slot!.id)).toBeNull();
    expect(await householdOf(owner.user.id, "bookingId", slot!.id)).toBe(owner.household.id);
    expect(await householdOf(owner.user.id, "childId", child)).toBe(owner.household.id);
    expect(await cancelSlotRequest(database.db, { ...asNeighbour, bookingId: slot!.id })).toEqual({
      ok: false,
      reason: "not_found",
    });
    expect(await loadSlotHistory(database.db, { ...asNeighbour, bookingId: slot!.id })).toBeNull();
    expect(
      await submitSlotRequest(database.db, { ...asNeighbour, now, input: oneDay(child, activity.id) }),
    ).toMatchObject({ ok: false, fieldErrors: { childId: expect.any(String) } });
    expect(
      (await loadPlanning(database.db, { ...asNeighbour, from: "2026-11-30", to: "2026-12-06", now })).slots,
    ).toEqual([]);
    expect(
      await withdrawRequest(database.db, { ...asNeighbour, requestId: submitted.ok ? submitted.request!.id : "" }),
    ).toEqual({ ok: false, reason: "not_found" });

    // An agent of another commune: forbidden there, and the id means nothing in its own commune.
    expect(
      await decideBookings(database.db, {
        communeId: town.commune.id,
        agentUserId: elsewhere.agent.id,
        bookingIds: [slot!.id],
        decision: "accept",
      }),
    ).toEqual({ ok: false, reason: "forbidden" });
    expect(
      await decideBookings(database.db, {
        communeId: elsewhere.commune.id,
        agentUserId: elsewhere.agent.id,
        bookingIds: [slot!.id],
        decision: "accept",
      }),
    ).toEqual({
      ok: true,
      results: [{ bookingId: slot!.id, outcome: "not_pending" }],
    });
    expect(await statusOf(slot!.id)).toBe("requested");
  });
});

describe("loadPlanning", () => {
  it("lists each enrolled day with its state and what a click offers", async () => {
    const town = await insertTown(database.db);
    const family = await insertFamily(database.db, town.commune.id, 1);
    const activity = await insertActivity(database.db, town.commune.id);
    const child = family.children[0]!.id;
    await enrol(database.db, {
      communeId: town.commune.id,
      householdId: family.household.id,
      childIds: [child],
      activityId: activity.id,
    });
    const scope = { communeId: town.commune.id, householdId: family.household.id, now };
    await submitSlotRequest(database.db, {
      ...familyScope(town.commune, family),
      now,
      input: oneDay(child, activity.id),
    });
    const planning = await loadPlanning(database.db, { ...scope, from: "2026-11-30", to: "2026-12-06" });
    expect(planning.children).toEqual([expect.objectContaining({ id: child, firstName: "Enfant1" })]);
    expect(planning.activities).toEqual([expect.objectContaining({ label: "2/Repas Sco", startTime: "11:30" })]);
    expect(planning.slots.map((s) => [s.day, s.state, s.action])).toEqual([
      ["2026-11-30", "enrolled", "book"],
      ["2026-12-01", "enrolled", "book"],
      ["2026-12-03", "requested", "cancel"],
      ["2026-12-04", "enrolled", "book"],
    ]);
    const today = await loadPlanning(database.db, { ...scope, from: "2026-11-24", to: "2026-11-24" });
    expect(today.slots[0]).toMatchObject({
      state: "enrolled",
      action: "book",
      blockedReason: expect.stringMatching(/^Délai dépassé/),
    });
  });

  it("labels the range's holidays and closures, and warns before an absence that will be billed", async () => {
    const town = await insertTown(database.db);
    const family = await insertFamily(database.db, town.commune.id, 1);
    const communeId = town.commune.id;
    const activity = await insertActivity(database.db, communeId, {
      weekdays: [1, 2, 3, 4, 5],
      lateAbsenceBilled: true,
    });
    const child = family.children[0]!.id;
    await enrol(database.db, {
      communeId,
      householdId: family.household.id,
      childIds: [child],
      activityId: activity.id,
    });
    // An activity of the commune the child is not enrolled in: its closure is neither shown nor applied.
    const otherActivity = await insertActivity(database.db, communeId, { code: "9", name: "Piscine" });
    await database.db.insert(closureDays).values([
      { communeId, activityId: activity.id, date: "2026-12-01", kind: "closure", label: "Grève" },
      { communeId, activityId: null, date: "2026-12-04", kind: "school_holiday", label: "Vacances de test" },
      { communeId, activityId: otherActivity.id, date: "2026-12-02", kind: "closure", label: "Bassin fermé" },
    ]);
    // Wednesday 25/11, booked: its J-2 cancellation deadline (Monday 23/11 at 10:00) is past.
    await database.db.insert(bookings).values({
      communeId,
      householdId: family.household.id,
      childId: child,
      activityId: activity.id,
      date: "2026-11-25",
      status: "booked",
    });
    const scope = { communeId, householdId: family.household.id, now };
    const planning = await loadPlanning(database.db, { ...scope, from: "2026-11-23", to: "2026-12-06" });
    expect(planning.dayNotes).toEqual([
      { day: "2026-12-01", kind: "closure", label: "Grève (2/Repas Sco)" },
      { day: "2026-12-04", kind: "school_holiday", label: "Vacances de test" },
    ]);
    expect(planning.slots.map((s) => s.day)).not.toContain("2026-12-01");
    expect(planning.slots.map((s) => s.day)).toContain("2026-12-02");
    expect(planning.slots.find((s) => s.day === "2026-11-25")).toMatchObject({
      action: "absence",
      blockedReason: null,
      warning:
        "Absence hors délai : elle sera facturée. Sans frais, elle devait être déclarée avant le 23/11/2026 à 10:00 (J-2 avant 10:00 (jours ouvrés)).",
    });
    expect(planning.slots.find((s) => s.day === "2026-11-30")).toMatchObject({ action: "book", warning: null });
  });
});

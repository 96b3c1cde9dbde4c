import { and, eq, inArray } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { activityDayPlaces, bookings, requests } from "@/db/schema";
import { PLACE_HOLDING_STATUSES } from "@/lib/planning/slot-state";
import { decideRequest } from "@/lib/requests/decide";
import { withdrawRequest } from "@/lib/requests/withdraw";
import { setUpTestDatabase } from "@/lib/testing/set-up-test-database";
import { cancelSlotRequest } from "./cancel";
import { decideBookings } from "./decide";
import { submitSlotRequest } from "./submit";
import { enrol, familyScope, insertActivity, insertFamily, insertTown } from "./test-fixtures";

/*
 * An agent's decision and a family's cancellation of the same day, started together, 30 pairs at once.
 * Only PostgreSQL runs them concurrently (PGlite runs one transaction at a time): run this file with
 * DATABASE_URL set to prove the race; on PGlite it still checks that exactly one side wins.
 */

const database = setUpTestDatabase();
const PAIRS = 30;

// Tuesday 24/11/2026, 09:00 in Paris; the day asked is Thursday 03/12.
const now = new Date("2026-11-24T08:00:00Z");
const thursday = "2026-12-03";
const day = (childId: string, activityId: string, kind: "booking" | "absence") => ({
  kind,
  childId,
  activityId,
  from: thursday,
  to: thursday,
  weekdays: [4],
});

/** One child and one activity per pair: the pairs do not queue behind one activity's lock, so they really overlap. */
async function setUp() {
  const town = await insertTown(database.db);
  const family = await insertFamily(database.db, town.commune.id, PAIRS);
  const activityIds: string[] = [];
  for (const child of family.children) {
    const activity = await insertActivity(database.db, town.commune.id, { capacity: 100 });
    await enrol(database.db, {
      communeId: town.commune.id,
      householdId: family.household.id,
      childIds: [child.id],
      activityId: activity.id,
    });
    activityIds.push(activity.id);
  }
  const scope = { ...familyScope(town.commune, family), now };
  return { town, family, activityIds, scope };
}

async function submitAll(s: Awaited<ReturnType<typeof setUp>>, kind: "booking" | "absence") {
  const ids: { bookingId: string; requestId: string }[] = [];
  for (const [i, child] of s.family.children.entries()) {
    const result = await submitSlotRequest(database.db, { ...s.scope, input: day(child.id, s.activityIds[i]!, kind) });
    if (!result.ok || !result.request) throw new Error("not submitted");
    const [row] = await database.db
      .select({ id: bookings.id })
      .from(bookings)
      .where(and(eq(bookings.childId, child.id), eq(bookings.activityId, s.activityIds[i]!)));
    ids.push({ bookingId: row!.id, requestId: result.request.id });
  }
  return ids;
}

/** The kept place counts equal the days that hold a place, activity by activity; returns the places held. */
async function expectConsistentPlaces(activityIds: string[]) {
  const holding = await database.db
    .select({ activityId: bookings.activityId })
    .from(bookings)
    .where(
      and(
        inArray(bookings.activityId, activityIds),
        eq(bookings.date, thursday),
        inArray(bookings.status, [...PLACE_HOLDING_STATUSES]),
      ),
    );
  const kept = await database.db
    .select()
    .from(activityDayPlaces)
    .where(and(inArray(activityDayPlaces.activityId, activityIds), eq(activityDayPlaces.date, thursday)));
  for (const activityId of activityIds) {
    const taken = kept.find((k) => k.activityId === activityId)?.taken ?? 0;
    expect(taken, `places of activity ${activityIds.indexOf(activityId)}`).toBe(
      holding.filter((h) => h.activityId === activityId).length,
    );
  }
  return holding.length;
}

/** Pair i's family acts i ms after the agent: across the pairs, the cancellation lands at every step of the decision. */
const later = (i: number) => new Promise((resolve) => setTimeout(resolve, i));

async function statuses(bookingIds: string[]) {
  const rows = await database.db
    .select({ id: bookings.id, status: bookings.status })
    .from(bookings)
    .where(inArray(bookings.id, bookingIds));
  return new Map(rows.map((r) => [r.id, r.status]));
}

describe("an agent's decision racing a family's cancellation", () => {
  it("accept vs cancel of a requested day: exactly one wins, the loser is told, the day and the places agree", async () => {
    const s = await setUp();
    const days = await submitAll(s, "booking");
    const outcomes = await Promise.all(
      days.map(({ bookingId }, i) =>
        Promise.all([
          decideBookings(database.db, {
            communeId: s.town.commune.id,
            agentUserId: s.town.agent.id,
            bookingIds: [bookingId],
            decision: "accept",
            now,
          }),
          later(i).then(() => cancelSlotRequest(database.db, { ...s.scope, bookingId })),
        ]),
      ),
    );
    const final = await statuses(days.map((d) => d.bookingId));
    let accepted = 0;
    for (const [i, [decided, cancelled]] of outcomes.entries()) {
      const agentWon = decided.ok && decided.results[0]!.outcome === "accepted";
      expect(agentWon, `pair ${i}: exactly one side wins`).toBe(!cancelled.ok);
      if (!cancelled.ok) expect(cancelled.reason).toBe("not_pending");
      expect(final.get(days[i]!.bookingId)).toBe(agentWon ? "booked" : "cancelled");
      if (agentWon) accepted += 1;
    }
    expect(await expectConsistentPlaces(s.activityIds)).toBe(accepted);
  });

  // The interleaving the pairs above hit only by chance, forced: a third transaction holds the day's row while
  // the family's cancellation queues for it, then the agent's decision starts. Needs a real server (PGlite
  // would wait for the holding transaction forever).
  it.runIf(process.env.DATABASE_URL)(
    "a decision that starts while a cancellation holds the day sees it cancelled",
    async () => {
      const s = await setUp();
      const { bookingId } = (await submitAll(s, "booking"))[0]!;
      let release!: () => void;
      const held = new Promise<void>((resolve) => (release = resolve));
      let locked!: () => void;
      const isLocked = new Promise<void>((resolve) => (locked = resolve));
      const holder = database.db.transaction(async (tx) => {
        await tx.select({ id: bookings.id }).from(bookings).where(eq(bookings.id, bookingId)).for("update");
        locked();
        await held;
      });
      await isLocked;
      const cancelled = cancelSlotRequest(database.db, { ...s.scope, bookingId });
      await later(300);
      const decided = decideBookings(database.db, {
        communeId: s.town.commune.id,
        agentUserId: s.town.agent.id,
        bookingIds: [bookingId],
        decision: "accept",
        now,
      });
      await later(300);
      release();
      await holder;
      expect(await cancelled).toEqual({ ok: true });
      expect(await decided).toEqual({ ok: true, results: [{ bookingId, outcome: "not_pending" }] });
      expect((await statuses([bookingId])).get(bookingId)).toBe("cancelled");
      expect(await expectConsistentPlaces(s.activityIds)).toBe(0);
    },
  );

  it("accepting an absence vs cancelling it: exactly one wins and the places agree", async () => {
    const s = await setUp();
    const booked = await submitAll(s, "booking");
    await decideBookings(database.db, {
      communeId: s.town.commune.id,
      agentUserId: s.town.agent.id,
      bookingIds: booked.map((d) => d.bookingId),
      decision: "accept",
      now,
    });
    await submitAll(s, "absence");
    const outcomes = await Promise.all(
      booked.map(({ bookingId }) =>
        Promise.all([
          decideBookings(database.db, {
            communeId: s.town.commune.id,
            agentUserId: s.town.agent.id,
            bookingIds: [bookingId],
            decision: "accept",
            now,
          }),
          cancelSlotRequest(database.db, { ...s.scope, bookingId }),
        ]),
      ),
    );
    const final = await statuses(booked.map((d) => d.bookingId));
    let stillBooked = 0;
    for (const [i, [decided, cancelled]] of outcomes.entries()) {
      const agentWon = decided.ok && decided.results[0]!.outcome === "absence_accepted";
      expect(agentWon, `pair ${i}: exactly one side wins`).toBe(!cancelled.ok);
      expect(final.get(booked[i]!.bookingId)).toBe(agentWon ? "absent" : "booked");
      if (!agentWon) stillBooked += 1;
    }
    expect(await expectConsistentPlaces(s.activityIds)).toBe(stillBooked);
  });

  it("from Demandes: accepting the request vs withdrawing it, the agent who lost is told it was withdrawn", async () => {
    const s = await setUp();
    const days = await submitAll(s, "booking");
    const outcomes = await Promise.all(
      days.map(({ requestId }) =>
        Promise.all([
          decideRequest(database.db, {
            communeId: s.town.commune.id,
            agentUserId: s.town.agent.id,
            requestId,
            decision: "accepted",
          }),
          withdrawRequest(database.db, {
            communeId: s.town.commune.id,
            householdId: s.family.household.id,
            userId: s.family.user.id,
            requestId,
          }),
        ]),
      ),
    );
    const rows = await database.db
      .select({ id: requests.id, status: requests.status })
      .from(requests)
      .where(
        inArray(
          requests.id,
          days.map((d) => d.requestId),
        ),
      );
    const requestStatus = new Map(rows.map((r) => [r.id, r.status]));
    const final = await statuses(days.map((d) => d.bookingId));
    for (const [i, [decided, withdrawn]] of outcomes.entries()) {
      expect(decided.ok, `pair ${i}: exactly one side wins`).toBe(!withdrawn.ok);
      if (!decided.ok) expect(decided).toMatchObject({ reason: "already_decided", status: "withdrawn" });
      expect(requestStatus.get(days[i]!.requestId)).toBe(decided.ok ? "accepted" : "withdrawn");
      expect(final.get(days[i]!.bookingId)).toBe(decided.ok ? "booked" : "cancelled");
    }
    await expectConsistentPlaces(s.activityIds);
  });
});

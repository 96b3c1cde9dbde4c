import "server-only";
import { and, asc, eq, gte, inArray, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { type Activity, activities, activityDayPlaces, bookingEvents, bookings } from "@/db/schema";
import { currentTime } from "@/lib/clock";
import { pipelined } from "@/lib/database/pipelined";
import { pgArray } from "@/lib/database/rows";
import { type IsoDay, parisDay } from "@/lib/planning/days";
import { PLACE_HOLDING_STATUSES } from "@/lib/planning/slot-state";

/** Places held per day of an activity (booked, or booked with an absence pending): one row read per day. */
export async function placesTaken(
  tx: Db,
  p: { communeId: string; activityId: string; days: readonly IsoDay[] },
): Promise<Map<IsoDay, number>> {
  if (p.days.length === 0) return new Map();
  const rows = await tx
    .select({ date: activityDayPlaces.date, taken: activityDayPlaces.taken })
    .from(activityDayPlaces)
    .where(
      and(
        eq(activityDayPlaces.communeId, p.communeId),
        eq(activityDayPlaces.activityId, p.activityId),
        inArray(activityDayPlaces.date, [...new Set(p.days)]),
      ),
    );
  return new Map(rows.map((r) => [r.date, r.taken]));
}

/**
 * Counts places taken (delta +1) or given back (−1) on these days, one entry per booking: call it in the
 * transaction that changes the bookings' status, under the activity's lock or its days' (lockActivityDays).
 */
export async function changePlaces(
  tx: Db,
  p: { communeId: string; activityId: string; days: readonly IsoDay[]; delta: 1 | -1 },
): Promise<void> {
  if (p.days.length === 0) return;
  const perDay = new Map<IsoDay, number>();
  for (const day of p.days) perDay.set(day, (perDay.get(day) ?? 0) + 1);
  if (p.delta === 1) {
    await tx
      .insert(activityDayPlaces)
      .values([...perDay].map(([date, taken]) => ({ communeId: p.communeId, activityId: p.activityId, date, taken })))
      .onConflictDoUpdate({
        target: [activityDayPlaces.activityId, activityDayPlaces.date],
        set: { taken: sql`${activityDayPlaces.taken} + excluded.taken` },
      });
    return;
  }
  // A place given back was held, so its row exists (and an INSERT would check the negative value first).
  for (const [date, n] of perDay) {
    await tx
      .update(activityDayPlaces)
      .set({ taken: sql`${activityDayPlaces.taken} - ${n}` })
      .where(
        and(
          eq(activityDayPlaces.communeId, p.communeId),
          eq(activityDayPlaces.activityId, p.activityId),
          eq(activityDayPlaces.date, date),
        ),
      );
  }
}

/** Rebuilds the commune's place counts from its bookings (after a bulk load such as the demo seed). */
export async function recountPlaces(tx: Db, p: { communeId: string }): Promise<void> {
  await tx.delete(activityDayPlaces).where(eq(activityDayPlaces.communeId, p.communeId));
  await tx.execute(sql`
    insert into ${activityDayPlaces} (commune_id, activity_id, date, taken)
    select commune_id, activity_id, date, count(*)::int from ${bookings}
    where commune_id = ${p.communeId} and status in (${sql.join(
      PLACE_HOLDING_STATUSES.map((status) => sql`${status}`),
      sql`, `,
    )})
    group by commune_id, activity_id, date`);
}

/**
 * Gives the free places of these days to the waiting list, first come first served. The caller holds the
 * activity's row lock, or its days' (lockActivityDays), so places are counted and given in one consistent step. The "promoted" events reach
 * the families in the next decisions digest, like every other decision on a day.
 */
export async function promoteWaitingList(
  tx: Db,
  p: { communeId: string; activity: Activity; days: readonly IsoDay[]; now: Date },
): Promise<number> {
  const days = [...new Set(p.days)];
  if (days.length === 0) return 0;
  const [taken, waiting] = await Promise.all([
    placesTaken(tx, { communeId: p.communeId, activityId: p.activity.id, days }),
    tx
      .select({
        id: bookings.id,
        date: bookings.date,
        householdId: bookings.householdId,
        requestId: bookings.requestId,
      })
      .from(bookings)
      .where(
        and(
          eq(bookings.communeId, p.communeId),
          eq(bookings.activityId, p.activity.id),
          inArray(bookings.date, days),
          eq(bookings.status, "waiting"),
        ),
      )
      .orderBy(asc(bookings.waitingSince), asc(bookings.createdAt)),
  ]);
  const free = new Map(
    days.map((d) => [d, p.activity.capacity === null ? Infinity : p.activity.capacity - (taken.get(d) ?? 0)]),
  );
  const promoted = waiting.filter((w) => {
    const left = free.get(w.date) ?? 0;
    if (left <= 0) return false;
    free.set(w.date, left - 1);
    return true;
  });
  if (promoted.length === 0) return 0;

  await tx
    .update(bookings)
    .set({ status: "booked", waitingSince: null, updatedAt: p.now })
    .where(
      inArray(
        bookings.id,
        promoted.map((w) => w.id),
      ),
    );
  await changePlaces(tx, {
    communeId: p.communeId,
    activityId: p.activity.id,
    days: promoted.map((w) => w.date),
    delta: 1,
  });
  await tx.insert(bookingEvents).values(
    promoted.map((w) => ({
      communeId: p.communeId,
      householdId: w.householdId,
      bookingId: w.id,
      requestId: w.requestId,
      kind: "promoted" as const,
      side: "system" as const,
      createdAt: p.now,
    })),
  );
  return promoted.length;
}

/** After the activity gained places: every coming day with a waiting list promotes from it (caller holds the lock). */
export async function promoteAllWaiting(
  tx: Db,
  p: { communeId: string; activity: Activity; now?: Date },
): Promise<number> {
  const now = p.now ?? currentTime();
  const days = await tx
    .selectDistinct({ date: bookings.date })
    .from(bookings)
    .where(
      and(
        eq(bookings.communeId, p.communeId),
        eq(bookings.activityId, p.activity.id),
        eq(bookings.status, "waiting"),
        gte(bookings.date, parisDay(now)),
      ),
    );
  return promoteWaitingList(tx, { communeId: p.communeId, activity: p.activity, days: days.map((d) => d.date), now });
}

/**
 * Locks the rows of the activities these bookings belong to, in id order (the one order every writer uses, so
 * two transactions cannot each hold one and wait for the other). Lock the booking rows only after this.
 */
export async function lockActivities(
  tx: Db,
  p: { communeId: string; bookingIds: readonly string[] },
): Promise<Activity[]> {
  if (p.bookingIds.length === 0) return [];
  // A booking never changes activity, so reading them before the lock is safe.
  const found = await tx
    .selectDistinct({ activityId: bookings.activityId })
    .from(bookings)
    .where(and(eq(bookings.communeId, p.communeId), inArray(bookings.id, [...p.bookingIds])));
  const locked: Activity[] = [];
  for (const activityId of found.map((b) => b.activityId).sort()) {
    const activity = await lockActivity(tx, { communeId: p.communeId, activityId });
    if (activity) locked.push(activity);
  }
  return locked;
}

/**
 * Locks what a family's request writes on, for the transaction: the activity's row in share mode (the writers
 * that lock it whole, as lockActivity does or by updating it, wait for the request, and it for them), then each
 * of its days by an advisory lock, taken in one order. Requests of an activity on other days run side by side:
 * its capacity is counted per day. Null when the activity is not the commune's.
 */
export async function lockActivityDays(
  tx: Db,
  p: { communeId: string; activityId: string; days: readonly IsoDay[] },
): Promise<Activity | null> {
  // Both sent at once (one round trip), the row first: a statement the caller sends right after this call runs
  // once every lock is held, and sees what was committed before.
  const [[row]] = await pipelined([
    tx
      .select()
      .from(activities)
      .where(and(eq(activities.id, p.activityId), eq(activities.communeId, p.communeId)))
      .for("share"),
    // Two requests sharing days lock them in the same (key) order; a hash collision only makes one wait longer.
    tx.execute(sql`
      select pg_advisory_xact_lock(key) from (
        select distinct hashtext('activity-day:' || ${p.activityId} || ':' || day) as key
        from unnest(${pgArray(p.days)}::text[]) as day
        order by key
      ) as keys`),
  ]);
  return row ?? null;
}

/** Locks the activity's row for the transaction: every capacity decision on it waits its turn. */
export async function lockActivity(tx: Db, p: { communeId: string; activityId: string }): Promise<Activity | null> {
  const [row] = await tx
    .select()
    .from(activities)
    .where(and(eq(activities.id, p.activityId), eq(activities.communeId, p.communeId)))
    .for("update");
  return row ?? null;
}

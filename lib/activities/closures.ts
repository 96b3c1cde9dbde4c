import "server-only";
import { and, asc, count, eq, gte, inArray, type SQL } from "drizzle-orm";
import type { Db } from "@/db/client";
import { activities, bookings, closureDays } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record";
import { addDays, eachDay, type IsoDay } from "@/lib/planning/days";
import { activityLabel } from "@/lib/planning/labels";
import type { ClosureKind } from "./labels";
import type { ClosureAddInput } from "./schemas";

/*
 * Jours de fermeture: days an activity — or, without an activity, every activity of the commune — does not run.
 * Stored one row per day (what the planning checks); shown and removed as periods of consecutive days.
 */

export interface ClosurePeriod {
  /** The ids of its days, to remove the whole period at once. */
  closureIds: string[];
  from: IsoDay;
  to: IsoDay;
  kind: ClosureKind;
  label: string;
  /** Null: the whole commune. */
  activityId: string | null;
  activityLabel: string | null;
}

/** The commune's closures from a day on, consecutive days of the same activity, kind and label as one period. */
export async function listClosurePeriods(
  db: Db,
  params: { communeId: string; from: IsoDay },
): Promise<ClosurePeriod[]> {
  const rows = await db
    .select({
      id: closureDays.id,
      date: closureDays.date,
      kind: closureDays.kind,
      label: closureDays.label,
      activityId: closureDays.activityId,
      activityCode: activities.code,
      activityName: activities.name,
    })
    .from(closureDays)
    .leftJoin(activities, and(eq(activities.id, closureDays.activityId), eq(activities.communeId, params.communeId)))
    .where(and(eq(closureDays.communeId, params.communeId), gte(closureDays.date, params.from)))
    .orderBy(asc(closureDays.activityId), asc(closureDays.kind), asc(closureDays.label), asc(closureDays.date));

  const periods: ClosurePeriod[] = [];
  for (const row of rows) {
    const last = periods.at(-1);
    if (
      last &&
      last.activityId === row.activityId &&
      last.kind === row.kind &&
      last.label === row.label &&
      addDays(last.to, 1) === row.date
    ) {
      last.to = row.date;
      last.closureIds.push(row.id);
      continue;
    }
    periods.push({
      closureIds: [row.id],
      from: row.date,
      to: row.date,
      kind: row.kind,
      label: row.label,
      activityId: row.activityId,
      activityLabel:
        row.activityName === null ? null : activityLabel({ code: row.activityCode ?? "", name: row.activityName }),
    });
  }
  return periods.sort(
    (a, b) => a.from.localeCompare(b.from) || (a.activityLabel ?? "").localeCompare(b.activityLabel ?? ""),
  );
}

export type AddClosuresResult =
  | {
      ok: true;
      added: number;
      /** Days of the period that were already closed the same way (left as they were). */
      alreadyClosed: number;
      /** Bookings and pending requests on the newly closed days: not cancelled automatically. */
      bookingsOnThoseDays: number;
    }
  | { ok: false; reason: "activity_not_found" };

/** Days still planned or asked for: what a new closure leaves for the agents to sort out. */
const LIVE_BOOKING_STATUSES = ["requested", "waiting", "booked", "absence_requested"] as const;

/** Closes each day of the period; days already closed stay as they are. One audit row for the period. */
export async function addClosures(
  db: Db,
  params: { communeId: string; actorUserId: string; input: ClosureAddInput },
): Promise<AddClosuresResult> {
  const { activityId, from, to, kind, label } = params.input;
  return db.transaction(async (tx) => {
    if (activityId) {
      const [activity] = await tx
        .select({ id: activities.id })
        .from(activities)
        .where(and(eq(activities.id, activityId), eq(activities.communeId, params.communeId)));
      if (!activity) return { ok: false, reason: "activity_not_found" } as const;
    }
    const days = eachDay(from, to);
    const inserted = await tx
      .insert(closureDays)
      .values(days.map((date) => ({ communeId: params.communeId, activityId, date, kind, label })))
      .onConflictDoNothing()
      .returning({ date: closureDays.date });
    if (inserted.length === 0)
      return { ok: true, added: 0, alreadyClosed: days.length, bookingsOnThoseDays: 0 } as const;

    const bookingScope: SQL[] = [
      eq(bookings.communeId, params.communeId),
      inArray(
        bookings.date,
        inserted.map((row) => row.date),
      ),
      inArray(bookings.status, [...LIVE_BOOKING_STATUSES]),
    ];
    if (activityId) bookingScope.push(eq(bookings.activityId, activityId));
    const [{ live }] = (await tx
      .select({ live: count() })
      .from(bookings)
      .where(and(...bookingScope))) as [{ live: number }];

    await recordAudit(tx, {
      communeId: params.communeId,
      actorUserId: params.actorUserId,
      action: "closure.added",
      targetType: activityId ? "activity" : "commune",
      targetId: activityId ?? params.communeId,
      details: { activityId, from, to, kind, label, days: inserted.length },
    });
    return {
      ok: true,
      added: inserted.length,
      alreadyClosed: days.length - inserted.length,
      bookingsOnThoseDays: live,
    } as const;
  });
}

/** Reopens the given days (a listed period); ids of another commune are ignored. Returns how many were removed. */
export async function removeClosures(
  db: Db,
  params: { communeId: string; actorUserId: string; closureIds: readonly string[] },
): Promise<number> {
  return db.transaction(async (tx) => {
    const removed = await tx
      .delete(closureDays)
      .where(and(eq(closureDays.communeId, params.communeId), inArray(closureDays.id, [...params.closureIds])))
      .returning({
        date: closureDays.date,
        activityId: closureDays.activityId,
        kind: closureDays.kind,
        label: closureDays.label,
      });
    if (removed.length === 0) return 0;
    const dates = removed.map((row) => row.date).sort();
    const activityIds = [...new Set(removed.map((row) => row.activityId))];
    const onlyActivity = activityIds.length === 1 ? activityIds[0]! : null;
    await recordAudit(tx, {
      communeId: params.communeId,
      actorUserId: params.actorUserId,
      action: "closure.removed",
      targetType: onlyActivity ? "activity" : "commune",
      targetId: onlyActivity ?? params.communeId,
      details: {
        dates,
        labels: [...new Set(removed.map((row) => row.label))],
        kinds: [...new Set(removed.map((row) => row.kind))],
        activityIds,
      },
    });
    return removed.length;
  });
}

import "server-only";
import { and, eq, gte, inArray, isNull, lte, or } from "drizzle-orm";
import type { Db } from "@/db/client";
import { type Activity, activities, closureDays } from "@/db/schema";
import type { ClosedDay } from "@/lib/planning/day-notes";
import { addDays, type IsoDay } from "@/lib/planning/days";
import type { ActivityRules } from "@/lib/planning/period";

/** The columns activityRules reads, for a query that selects no more than it needs. */
export const activityRuleColumns = {
  weekdays: activities.weekdays,
  bookingDeadlineDays: activities.bookingDeadlineDays,
  bookingDeadlineTime: activities.bookingDeadlineTime,
  cancellationDeadlineDays: activities.cancellationDeadlineDays,
  cancellationDeadlineTime: activities.cancellationDeadlineTime,
  deadlineDaysKind: activities.deadlineDaysKind,
  lateAbsenceBilled: activities.lateAbsenceBilled,
};

/** The deadline rules of an activity as the pure checks take them. */
export function activityRules(activity: Pick<Activity, keyof typeof activityRuleColumns>): ActivityRules {
  return {
    weekdays: activity.weekdays,
    booking: {
      days: activity.bookingDeadlineDays,
      time: activity.bookingDeadlineTime,
      kind: activity.deadlineDaysKind,
    },
    cancellation: {
      days: activity.cancellationDeadlineDays,
      time: activity.cancellationDeadlineTime,
      kind: activity.deadlineDaysKind,
    },
    lateAbsenceBilled: activity.lateAbsenceBilled,
  };
}

// A deadline may fall up to 30 working days before a slot: public holidays that far back count.
const DEADLINE_LOOKBACK_DAYS = 60;

export interface ClosureCalendar {
  /** Closed days of one activity, commune-wide closures included. */
  closuresOf(activityId: string): ReadonlyMap<IsoDay, string>;
  publicHolidays: ReadonlySet<IsoDay>;
  /** The closures as the town entered them, with their labels: what the planning shows on each day. */
  closedDays: readonly ClosedDay[];
}

/** The commune's closures touching these activities over a range, in one query. */
export async function loadClosureCalendar(
  db: Db,
  p: { communeId: string; activityIds: readonly string[]; from: IsoDay; to: IsoDay },
): Promise<ClosureCalendar> {
  const rows = p.activityIds.length
    ? await db
        .select({
          activityId: closureDays.activityId,
          date: closureDays.date,
          kind: closureDays.kind,
          label: closureDays.label,
        })
        .from(closureDays)
        .where(
          and(
            eq(closureDays.communeId, p.communeId),
            gte(closureDays.date, addDays(p.from, -DEADLINE_LOOKBACK_DAYS)),
            lte(closureDays.date, p.to),
            or(isNull(closureDays.activityId), inArray(closureDays.activityId, [...p.activityIds])),
          ),
        )
    : [];
  const communeWide = new Map<IsoDay, string>();
  const byActivity = new Map<string, Map<IsoDay, string>>();
  const publicHolidays = new Set<IsoDay>();
  for (const row of rows) {
    if (row.kind === "public_holiday" && row.activityId === null) publicHolidays.add(row.date);
    if (row.activityId === null) communeWide.set(row.date, row.label);
    else {
      const own = byActivity.get(row.activityId) ?? new Map<IsoDay, string>();
      own.set(row.date, row.label);
      byActivity.set(row.activityId, own);
    }
  }
  const merged = new Map<string, ReadonlyMap<IsoDay, string>>();
  return {
    publicHolidays,
    closedDays: rows.map(({ date, kind, label, activityId }) => ({ date, kind, label, activityId })),
    closuresOf(activityId) {
      let closures = merged.get(activityId);
      if (!closures) {
        closures = new Map([...communeWide, ...(byActivity.get(activityId) ?? [])]);
        merged.set(activityId, closures);
      }
      return closures;
    },
  };
}

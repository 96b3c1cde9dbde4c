import "server-only";
import { and, eq, gte, inArray, isNull, lte, or, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { type Activity, activities, closureDays } from "@/db/schema";
import { preparedPerDatabase } from "@/lib/database/prepared";
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

const closureColumns = {
  activityId: closureDays.activityId,
  date: closureDays.date,
  kind: closureDays.kind,
  label: closureDays.label,
};

/** The commune's closures touching these activities over a range, in one query. */
export async function loadClosureCalendar(
  db: Db,
  p: { communeId: string; activityIds: readonly string[]; from: IsoDay; to: IsoDay },
): Promise<ClosureCalendar> {
  const rows = p.activityIds.length
    ? await db
        .select(closureColumns)
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
  return closureCalendarOf(rows);
}

const communeClosuresBetween = preparedPerDatabase((db) =>
  db
    .select(closureColumns)
    .from(closureDays)
    .where(
      and(
        eq(closureDays.communeId, sql.placeholder("communeId")),
        gte(closureDays.date, sql.placeholder("from")),
        lte(closureDays.date, sql.placeholder("to")),
      ),
    )
    .prepare("commune_closures_between"),
);

/**
 * The commune's closures over a range, of every activity: a read that needs no list of activities, so the planning
 * runs it beside the enrolments instead of after them. Another activity's closures are harmless there: closuresOf
 * asks for one activity, and dayNotes shows only the activities shown.
 */
export function loadCommuneClosures(db: Db, p: { communeId: string; from: IsoDay; to: IsoDay }): Promise<ClosedDay[]> {
  return communeClosuresBetween(db).execute({
    communeId: p.communeId,
    from: addDays(p.from, -DEADLINE_LOOKBACK_DAYS),
    to: p.to,
  });
}

/** The calendar of these closure rows. */
export function closureCalendarOf(rows: readonly ClosedDay[]): ClosureCalendar {
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
    closedDays: rows,
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

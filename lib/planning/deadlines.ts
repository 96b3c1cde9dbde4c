import { formatDate } from "@/lib/format";
import { addDays, type IsoDay, isoWeekday, parisInstant, parisTime } from "./days";

/** A town's rule from its règlement de fonctionnement, e.g. "J-2 avant 10:00" in working days. */
export interface DeadlineRule {
  days: number;
  /** "10:00", Paris time. */
  time: string;
  kind: "working" | "calendar";
}

/** Working days (jours ouvrés): Monday to Friday, public holidays excluded. */
export function isWorkingDay(day: IsoDay, publicHolidays: ReadonlySet<IsoDay>): boolean {
  return isoWeekday(day) <= 5 && !publicHolidays.has(day);
}

/** The day the cut-off falls on: `days` working (or calendar) days before the slot's day. */
export function deadlineDay(slotDay: IsoDay, rule: DeadlineRule, publicHolidays: ReadonlySet<IsoDay>): IsoDay {
  if (rule.kind === "calendar") return addDays(slotDay, -rule.days);
  let day = slotDay;
  for (let counted = 0; counted < rule.days; ) {
    day = addDays(day, -1);
    if (isWorkingDay(day, publicHolidays)) counted++;
  }
  return day;
}

/** The last instant a request for this slot is accepted: strictly before it. */
export function deadlineInstant(slotDay: IsoDay, rule: DeadlineRule, publicHolidays: ReadonlySet<IsoDay>): Date {
  return parisInstant(deadlineDay(slotDay, rule, publicHolidays), rule.time);
}

export function isBeforeDeadline(
  now: Date,
  slotDay: IsoDay,
  rule: DeadlineRule,
  publicHolidays: ReadonlySet<IsoDay>,
): boolean {
  return now.getTime() < deadlineInstant(slotDay, rule, publicHolidays).getTime();
}

/** "J-2 avant 10:00 (jours ouvrés)", as the town's rules are quoted to families. */
export function describeDeadline(rule: DeadlineRule): string {
  return `J-${rule.days} avant ${rule.time} (${rule.kind === "working" ? "jours ouvrés" : "jours calendaires"})`;
}

/**
 * What a family reads BEFORE confirming an absence past the cancellation deadline of an activity that bills late
 * absences: that it will be billed, and until when it would not have been.
 */
export function lateAbsenceWarning(slotDay: IsoDay, rule: DeadlineRule, publicHolidays: ReadonlySet<IsoDay>): string {
  const cutOff = deadlineInstant(slotDay, rule, publicHolidays);
  return `Absence hors délai : elle sera facturée. Sans frais, elle devait être déclarée avant le ${formatDate(cutOff)} à ${parisTime(cutOff)} (${describeDeadline(rule)}).`;
}

import type { BookingStatus } from "@/db/schema/planning";
import { formatDate } from "@/lib/format";
import { eachDay, type IsoDay, isoWeekday, parisDay, parisTime } from "./days";
import { type DeadlineRule, deadlineInstant, describeDeadline } from "./deadlines";

/*
 * Which days a booking or absence request may cover, and why the others may not: the planning's rules
 * (only enrolled days the activity runs, only booked days for an absence, the town's deadlines, closures).
 */

export type SlotRequestKind = "booking" | "absence";

export interface ActivityRules {
  weekdays: readonly number[];
  booking: DeadlineRule;
  cancellation: DeadlineRule;
  lateAbsenceBilled: boolean;
}

export interface DayContext {
  activity: ActivityRules;
  /** The enrolment period; only an active enrolment allows requests. */
  enrolment: { startsOn: IsoDay; endsOn: IsoDay; status: "active" | "waiting" };
  /** Closed days of this activity or of the whole commune, with their label. */
  closures: ReadonlyMap<IsoDay, string>;
  publicHolidays: ReadonlySet<IsoDay>;
  /** Current status of the child's existing slots at this activity. */
  statuses: ReadonlyMap<IsoDay, BookingStatus>;
  now: Date;
}

export type DayPlan = { day: IsoDay; ok: true; billed: boolean } | { day: IsoDay; ok: false; reason: string };

function deadlineReason(kind: SlotRequestKind, cutOff: Date, rule: DeadlineRule): string {
  const what = kind === "booking" ? "réservations" : "absences";
  return `Délai dépassé : les ${what} pour ce jour étaient possibles jusqu'au ${formatDate(cutOff)} à ${parisTime(cutOff)} (${describeDeadline(rule)}).`;
}

/** Whether one day may be requested, with the reason when not. */
export function checkDay(kind: SlotRequestKind, day: IsoDay, ctx: DayContext): DayPlan {
  return checkDayOn(kind, day, ctx, parisDay(ctx.now));
}

/** checkDay for many days of one context, `ctx.now`'s day in Paris worked out once (the planning's slots). */
export function dayChecker(ctx: DayContext): (kind: SlotRequestKind, day: IsoDay) => DayPlan {
  const today = parisDay(ctx.now);
  return (kind, day) => checkDayOn(kind, day, ctx, today);
}

/** checkDay, with `ctx.now`'s day in Paris worked out once for a whole period (the time zone maths is not free). */
function checkDayOn(kind: SlotRequestKind, day: IsoDay, ctx: DayContext, today: IsoDay): DayPlan {
  const refuse = (reason: string): DayPlan => ({ day, ok: false, reason });
  if (ctx.enrolment.status !== "active") return refuse("L'inscription à cette activité est en liste d'attente.");
  if (day < ctx.enrolment.startsOn || day > ctx.enrolment.endsOn)
    return refuse("Ce jour est en dehors de la période d'inscription.");
  if (!ctx.activity.weekdays.includes(isoWeekday(day))) return refuse("L'activité n'a pas lieu ce jour-là.");
  const closure = ctx.closures.get(day);
  if (closure) return refuse(`Activité fermée ce jour-là (${closure}).`);
  if (day < today) return refuse("Ce jour est déjà passé.");

  const status = ctx.statuses.get(day);
  if (kind === "booking") {
    if (status === "booked" || status === "absence_requested") return refuse("Ce jour est déjà réservé.");
    if (status === "requested") return refuse("Une demande de réservation est déjà en cours pour ce jour.");
    if (status === "waiting") return refuse("L'enfant est déjà en liste d'attente ce jour-là.");
    if (status === "absent" || status === "absent_billed")
      return refuse("Une absence est déjà enregistrée ce jour-là.");
    const cutOff = deadlineInstant(day, ctx.activity.booking, ctx.publicHolidays);
    if (ctx.now >= cutOff) return refuse(deadlineReason("booking", cutOff, ctx.activity.booking));
    return { day, ok: true, billed: false };
  }

  if (status === "absence_requested") return refuse("Une demande d'absence est déjà en cours pour ce jour.");
  if (status === "absent" || status === "absent_billed") return refuse("L'absence est déjà enregistrée pour ce jour.");
  if (status !== "booked")
    return refuse("Aucune réservation ce jour-là : une absence ne se déclare que sur un jour réservé.");
  const cutOff = deadlineInstant(day, ctx.activity.cancellation, ctx.publicHolidays);
  if (ctx.now < cutOff) return { day, ok: true, billed: false };
  // Past the cancellation deadline the town either bills the absence or refuses it, as its rules say.
  if (ctx.activity.lateAbsenceBilled) return { day, ok: true, billed: true };
  return refuse(deadlineReason("absence", cutOff, ctx.activity.cancellation));
}

/** The days of a period on the chosen weekdays that the activity runs (before any other rule). */
export function periodDays(
  from: IsoDay,
  to: IsoDay,
  weekdays: readonly number[],
  activityWeekdays: readonly number[],
): IsoDay[] {
  return eachDay(from, to).filter((day) => {
    const w = isoWeekday(day);
    return weekdays.includes(w) && activityWeekdays.includes(w);
  });
}

/** Every day of the period, each with its verdict: nothing is dropped silently. */
export function planPeriod(kind: SlotRequestKind, days: readonly IsoDay[], ctx: DayContext): DayPlan[] {
  const today = parisDay(ctx.now);
  return days.map((day) => checkDayOn(kind, day, ctx, today));
}

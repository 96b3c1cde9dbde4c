import { addDays, type IsoDay, parisDay, parisInstant } from "@/lib/planning/days";

/*
 * The two clocks of an application, in Paris days: the family confirms it every few months (or it lapses), and
 * answers a proposed place within the commune's delay (or the place goes back to the commission).
 */

/** The same day-of-month `months` later, or that month's last day when it is shorter (30 November + 3 → 28 February). */
export function addMonthsToDay(day: IsoDay, months: number): IsoDay {
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  const target = new Date(Date.UTC(y, m - 1 + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d, lastDay));
  return target.toISOString().slice(0, 10);
}

/** How long before the due day the reminder is mailed. */
export const CONFIRMATION_REMINDER_DAYS = 15;

export type ConfirmationState = "up_to_date" | "reminder_due" | "lapsed";

/**
 * Where an application stands with its confirmation: due `months` after it was sent or last confirmed (the family
 * may confirm on the due day itself); the reminder is due from 15 days before; the day after, it has lapsed.
 */
export function confirmationStatus(params: { confirmedAt: Date; months: number; now: Date }): {
  dueOn: IsoDay;
  state: ConfirmationState;
} {
  const dueOn = addMonthsToDay(parisDay(params.confirmedAt), params.months);
  const today = parisDay(params.now);
  if (today > dueOn) return { dueOn, state: "lapsed" };
  if (today >= addDays(dueOn, -CONFIRMATION_REMINDER_DAYS)) return { dueOn, state: "reminder_due" };
  return { dueOn, state: "up_to_date" };
}

/** An offer made at `offeredAt` may be answered until the end (midnight, Paris) of the `days`-th day after. */
export function offerExpiresAt(offeredAt: Date, days: number): Date {
  return parisInstant(addDays(parisDay(offeredAt), days + 1), "00:00");
}

/** The last day the family may answer, for "Répondre avant le …" (inclusive). */
export function offerLastDay(expiresAt: Date): IsoDay {
  return parisDay(new Date(expiresAt.getTime() - 1));
}

export function isOfferOpen(expiresAt: Date, now: Date): boolean {
  return now.getTime() < expiresAt.getTime();
}

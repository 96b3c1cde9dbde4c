import type { DocumentState } from "@/db/schema";
import type { IsoDay } from "@/lib/planning/days";
import type { DocumentDisplayState } from "./labels";

/*
 * The rules of a document's life, pure (unit tests beside them): what a family and an agent see of it, the expiry
 * an agent is offered, when a reminder is due, when a closed household's documents may be deleted.
 */

/** The day `months` calendar months after `day`, clamped to the month's last day (31 Jan + 1 month = 28/29 Feb). */
export function addMonthsToDay(day: IsoDay, months: number): IsoDay {
  const [y, m, d] = day.slice(0, 10).split("-").map(Number) as [number, number, number];
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = index - year * 12;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const date = new Date(Date.UTC(year, month, Math.min(d, lastDay), 12));
  // Years below 1000 would lose their padding in a naive toISOString on some engines: format by hand.
  return `${String(date.getUTCFullYear()).padStart(4, "0")}-${String(date.getUTCMonth() + 1).padStart(2, "0")}-${String(date.getUTCDate()).padStart(2, "0")}`;
}

/**
 * The state a screen shows: no current document → "missing"; "validated" whose expiresOn is before `today`
 * → "expired" (a document is valid through its expiry day); otherwise its stored state ("replaced" is never current).
 */
export function documentDisplayState(
  current: { state: DocumentState; expiresOn: IsoDay | string | null } | null,
  today: IsoDay,
): DocumentDisplayState {
  if (!current || current.state === "replaced") return "missing";
  if (current.state === "validated" && current.expiresOn && current.expiresOn.slice(0, 10) < today) return "expired";
  return current.state;
}

/** Whether the household still has to hand this in: missing, refused or expired (counted in "N pièces à fournir"). */
export function isToProvide(state: DocumentDisplayState): boolean {
  return state === "missing" || state === "refused" || state === "expired";
}

/** The expiry date an agent is offered when validating: today + the type's validity in months (end-of-month safe); null when the type does not expire. */
export function defaultExpiryDate(today: IsoDay, validityMonths: number | null): IsoDay | null {
  if (validityMonths === null || validityMonths <= 0) return null;
  return addMonthsToDay(today, validityMonths);
}

/** A validated document expiring within a month (today ≤ expiresOn ≤ today + 1 month) gets its one reminder. */
export function isExpiryReminderDue(expiresOn: IsoDay | string | null, today: IsoDay): boolean {
  if (!expiresOn) return false;
  const day = expiresOn.slice(0, 10);
  return day >= today && day <= addMonthsToDay(today, 1);
}

/** A household closed on closedAt may have its documents deleted once `retentionMonths` have passed. */
export function isRetentionOver(closedAt: Date, retentionMonths: number, now: Date): boolean {
  return now.getTime() >= retentionEnd(closedAt, retentionMonths).getTime();
}

/** The instant `retentionMonths` calendar months after closedAt (clamped to the month's end, same time of day). */
export function retentionEnd(closedAt: Date, retentionMonths: number): Date {
  const day = addMonthsToDay(closedAt.toISOString().slice(0, 10), retentionMonths);
  return new Date(`${day}T${closedAt.toISOString().slice(11)}`);
}

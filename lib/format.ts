import { format, parse } from "date-fns";
import { parisDay, parisTime } from "@/lib/planning/days";

/** French formatting of what the portal shows: amounts in euros and dates as the guides print them. */

// Made on first use, not when the module loads: a browser's first Intl number formatter loads its locale data
// (44-84 ms in a fresh Chromium tab on a desktop CPU), and the planning imports this module for its dates only.
let euros: Intl.NumberFormat | undefined;

/** 8640 → "86,40 €" (with the French narrow no-break spaces). */
export function formatEuros(cents: number): string {
  euros ??= new Intl.NumberFormat("fr-FR", { style: "currency", currency: "EUR" });
  return euros.format(cents / 100);
}

/**
 * "dd/MM/yyyy". A `date` column ("2026-11-02") is a calendar day and is shown as is;
 * a timestamp is shown as its day in Europe/Paris.
 */
export function formatDate(value: Date | string): string {
  const calendarDay = value instanceof Date ? parisDay(value) : value;
  // A well-formed day is only reordered: a school year's mail formats hundreds, and date-fns parses slowly.
  const parts = /^(\d{4})-(\d{2})-(\d{2})$/.exec(calendarDay);
  if (parts) return `${parts[3]}/${parts[2]}/${parts[1]}`;
  return format(parse(calendarDay, "yyyy-MM-dd", new Date()), "dd/MM/yyyy");
}

/** "22/01/2020 à 16:44", Paris time. */
export function formatDateTime(value: Date): string {
  return `${formatDate(value)} à ${parisTime(value)}`;
}

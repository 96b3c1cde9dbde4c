import { format, parse } from "date-fns";
import { parisDay } from "@/lib/planning/days";

/** French formatting of what the portal shows: amounts in euros and dates as the guides print them. */

const euros = new Intl.NumberFormat("fr-FR", { style: "currency", currency: "EUR" });

/** 8640 → "86,40 €" (with the French narrow no-break spaces). */
export function formatEuros(cents: number): string {
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

const parisDateTime = new Intl.DateTimeFormat("fr-FR", {
  timeZone: "Europe/Paris",
  day: "2-digit",
  month: "2-digit",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
});

/** "22/01/2020 à 16:44", Paris time. */
export function formatDateTime(value: Date): string {
  const parts = Object.fromEntries(parisDateTime.formatToParts(value).map((p) => [p.type, p.value]));
  return `${parts.day}/${parts.month}/${parts.year} à ${parts.hour}:${parts.minute}`;
}

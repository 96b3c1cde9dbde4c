import { addDays, type IsoDay } from "@/lib/planning/days";

/*
 * The months a run invoices: a period is the first day of its month ("2027-01-01"), as billing_runs.period,
 * invoices.period and invoice_lines.month hold it. Pure string arithmetic on "yyyy-MM-dd".
 */

export type Period = IsoDay;

const MONTH_NAMES = [
  "janvier",
  "février",
  "mars",
  "avril",
  "mai",
  "juin",
  "juillet",
  "août",
  "septembre",
  "octobre",
  "novembre",
  "décembre",
] as const;

const pad = (n: number) => String(n).padStart(2, "0");

function yearMonth(day: IsoDay): [number, number] {
  return [Number(day.slice(0, 4)), Number(day.slice(5, 7))];
}

/** The period a day belongs to: "2027-01-15" → "2027-01-01". */
export function monthOf(day: IsoDay): Period {
  return `${day.slice(0, 7)}-01`;
}

/** `n` months after (or before, when negative) a period. */
export function addMonths(period: Period, n: number): Period {
  const [year, month] = yearMonth(period);
  const index = year * 12 + (month - 1) + n;
  return `${Math.floor(index / 12)}-${pad((index % 12) + 1)}-01`;
}

/** The last day of the period's month. */
export function lastDayOf(period: Period): IsoDay {
  return addDays(addMonths(period, 1), -1);
}

/** The month a run started on `today` invoices by default: the one before. */
export function previousMonth(today: IsoDay): Period {
  return addMonths(monthOf(today), -1);
}

/** "janvier 2027". */
export function monthLabel(period: Period): string {
  const [year, month] = yearMonth(period);
  return `${MONTH_NAMES[month - 1]} ${year}`;
}

/** "Janvier 2027", at the start of a sentence or a cell. */
export function capitalizedMonthLabel(period: Period): string {
  const label = monthLabel(period);
  return label.charAt(0).toLocaleUpperCase("fr-FR") + label.slice(1);
}

/** "2027-01": a period as a form or an address carries it. */
export function monthValue(period: Period): string {
  return period.slice(0, 7);
}

/** "2027-01" → "2027-01-01"; null for anything else (a month out of 1–12, another shape, years beyond 1900–2100). */
export function parseMonthValue(value: string): Period | null {
  const match = /^(\d{4})-(\d{2})$/.exec(value);
  if (!match) return null;
  const year = Number(match[1]);
  const month = Number(match[2]);
  if (month < 1 || month > 12 || year < 1900 || year > 2100) return null;
  return `${match[1]}-${match[2]}-01`;
}

/** The `count` months up to the current one, the latest first: what the run form offers. */
export function recentMonths(today: IsoDay, count: number): Period[] {
  const current = monthOf(today);
  return Array.from({ length: count }, (_, i) => addMonths(current, -i));
}

/** The code émission of a régie's invoices for a month: "2027-01-ENF". */
export function emissionCode(period: Period, regieCode: string): string {
  return `${monthValue(period)}-${regieCode}`;
}

/** An invoice issued on `issuedOn` is due `dueDays` calendar days later. */
export function dueDate(issuedOn: IsoDay, dueDays: number): IsoDay {
  return addDays(issuedOn, dueDays);
}

/** The year an invoice's number belongs to: the year it is issued, not the month it invoices. */
export function yearOf(day: IsoDay): number {
  return Number(day.slice(0, 4));
}

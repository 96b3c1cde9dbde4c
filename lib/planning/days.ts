import { TZDate } from "@date-fns/tz";

/*
 * Calendar days as "YYYY-MM-DD" strings (what a `date` column holds) and the Europe/Paris wall clock.
 * Day arithmetic is done at UTC noon so no time zone or DST change can shift a day.
 */

export const PARIS = "Europe/Paris";

export type IsoDay = string;

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The days the portal handles: beyond them is a typing mistake or an attack (year 9999 overflows the arithmetic). */
export const FIRST_DAY: IsoDay = "1900-01-01";
export const LAST_DAY: IsoDay = "2100-12-31";

/** A real calendar day written yyyy-MM-dd, whatever its year. */
export function isWellFormedDay(value: string): boolean {
  if (!ISO_DAY.test(value)) return false;
  const d = new Date(`${value}T12:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

/** A real calendar day between FIRST_DAY and LAST_DAY: what every form, query string and feed accepts. */
export function isIsoDay(value: string): value is IsoDay {
  return isWellFormedDay(value) && value >= FIRST_DAY && value <= LAST_DAY;
}

function noon(day: IsoDay): Date {
  return new Date(`${day}T12:00:00Z`);
}

export function addDays(day: IsoDay, n: number): IsoDay {
  const d = noon(day);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/** 1 = Monday … 7 = Sunday. */
/** The later / earlier of two days (ISO days compare as strings). */
export const laterDay = (a: IsoDay, b: IsoDay): IsoDay => (a > b ? a : b);
export const earlierDay = (a: IsoDay, b: IsoDay): IsoDay => (a < b ? a : b);

export function isoWeekday(day: IsoDay): number {
  const w = noon(day).getUTCDay();
  return w === 0 ? 7 : w;
}

/** Every day from `from` to `to`, both included (empty when from > to). */
export function eachDay(from: IsoDay, to: IsoDay): IsoDay[] {
  const days: IsoDay[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) days.push(d);
  return days;
}

/** The calendar day an instant falls on in Paris. */
export function parisDay(instant: Date): IsoDay {
  const d = new TZDate(instant.getTime(), PARIS);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
}

// Deadlines ask for the same few wall-clock times of the same days over and over; the time zone maths is the
// costly part of checking a school year of days, so results are kept (bounded).
const instants = new Map<string, number>();
const MAX_CACHED_INSTANTS = 20_000;

/** The instant of a Paris wall-clock time ("10:00") on a day, whatever the offset that day (CET or CEST). */
export function parisInstant(day: IsoDay, time: string): Date {
  const key = `${day}T${time}`;
  let ms = instants.get(key);
  if (ms === undefined) {
    const [y, m, d] = day.split("-").map(Number) as [number, number, number];
    const [hh, mm] = time.split(":").map(Number) as [number, number];
    ms = new TZDate(y, m - 1, d, hh, mm, PARIS).getTime();
    if (instants.size >= MAX_CACHED_INSTANTS) instants.clear();
    instants.set(key, ms);
  }
  return new Date(ms);
}

/** "HH:mm" of an instant in Paris. */
export function parisTime(instant: Date): string {
  const d = new TZDate(instant.getTime(), PARIS);
  return `${String(d.getHours()).padStart(2, "0")}:${String(d.getMinutes()).padStart(2, "0")}`;
}

export const WEEKDAY_NAMES = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"] as const;

/** "lundi" for 1 … "dimanche" for 7. */
export function weekdayName(isoWeekdayNumber: number): string {
  return WEEKDAY_NAMES[isoWeekdayNumber - 1] ?? "";
}

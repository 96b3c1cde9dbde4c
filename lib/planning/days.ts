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

/*
 * Day arithmetic on day numbers (days since 1970-01-01, proleptic Gregorian calendar; H. Hinnant's
 * days_from_civil and civil_from_days), without a Date: the planning checks some ten days per slot (deadlines
 * counted back in working days), and each Date built there cost more than the check itself.
 */

const pad = (n: number, width: number) => String(n).padStart(width, "0");

/** The day number of a well-formed day. */
function dayNumber(day: IsoDay): number {
  const m = Number(day.slice(5, 7));
  const y = Number(day.slice(0, 4)) - (m <= 2 ? 1 : 0);
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (m > 2 ? m - 3 : m + 9) + 2) / 5) + Number(day.slice(8, 10)) - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

/** The day of a day number. */
function dayOfNumber(n: number): IsoDay {
  const z = n + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) / 365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const shiftedMonth = Math.floor((5 * dayOfYear + 2) / 153);
  const d = dayOfYear - Math.floor((153 * shiftedMonth + 2) / 5) + 1;
  const m = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9;
  const y = yearOfEra + era * 400 + (m <= 2 ? 1 : 0);
  return `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`;
}

export function addDays(day: IsoDay, n: number): IsoDay {
  return dayOfNumber(dayNumber(day) + n);
}

/** The later / earlier of two days (ISO days compare as strings). */
export const laterDay = (a: IsoDay, b: IsoDay): IsoDay => (a > b ? a : b);
export const earlierDay = (a: IsoDay, b: IsoDay): IsoDay => (a < b ? a : b);

/** 1 = Monday … 7 = Sunday (day 0, 1970-01-01, was a Thursday). */
export function isoWeekday(day: IsoDay): number {
  return ((((dayNumber(day) + 3) % 7) + 7) % 7) + 1;
}

/** Every day from `from` to `to`, both included (empty when from > to). */
export function eachDay(from: IsoDay, to: IsoDay): IsoDay[] {
  const days: IsoDay[] = [];
  for (let n = dayNumber(from), last = dayNumber(to); n <= last; n++) days.push(dayOfNumber(n));
  return days;
}

// A request asks for the day "now" falls on several times (the page's today, each enrolment's checks): the last
// Paris day worked out is kept with the instants it runs between, its midnights (never skipped by a DST change,
// which happens at 02:00 or 03:00).
let lastParisDay = { day: "", from: 0, to: 0 };

/** The calendar day an instant falls on in Paris. */
export function parisDay(instant: Date): IsoDay {
  const ms = instant.getTime();
  if (ms >= lastParisDay.from && ms < lastParisDay.to) return lastParisDay.day;
  const d = new TZDate(ms, PARIS);
  const day = `${pad(d.getFullYear(), 4)}-${pad(d.getMonth() + 1, 2)}-${pad(d.getDate(), 2)}`;
  const from = parisInstant(day, "00:00").getTime();
  const to = parisInstant(addDays(day, 1), "00:00").getTime();
  lastParisDay = { day, from, to };
  return day;
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

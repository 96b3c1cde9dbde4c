import { TZDate, tzOffset } from "@date-fns/tz";

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

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

// Paris's offset from UTC, kept per UTC hour: a page asks for the Paris day and time of many instants (now, each
// slot's deadline), and the time zone lookup (Intl) costs far more than the arithmetic around it. An hour is kept
// only when its two ends have the same offset: Paris changes offset on a whole UTC hour (01:00), but this does not
// rely on it.
const hourOffsets = new Map<number, number>();
const MAX_CACHED_HOURS = 20_000;

/** Paris's offset from UTC at an instant, in ms (+1 h in winter, +2 h in summer). */
function parisOffsetMs(ms: number): number {
  const hour = Math.floor(ms / HOUR_MS);
  let offset = hourOffsets.get(hour);
  if (offset === undefined) {
    const lookup = (at: number) => tzOffset(PARIS, new Date(at)) * 60_000;
    offset = lookup(hour * HOUR_MS);
    if (offset !== lookup(hour * HOUR_MS + HOUR_MS - 1)) return lookup(ms);
    if (hourOffsets.size >= MAX_CACHED_HOURS) hourOffsets.clear();
    hourOffsets.set(hour, offset);
  }
  return offset;
}

/** The Paris wall clock of an instant: its day number and the ms since that day's midnight. */
function parisClock(instant: Date): { dayNumber: number; msOfDay: number } {
  const ms = instant.getTime();
  const local = ms + parisOffsetMs(ms);
  const n = Math.floor(local / DAY_MS);
  return { dayNumber: n, msOfDay: local - n * DAY_MS };
}

/** The calendar day an instant falls on in Paris. */
export function parisDay(instant: Date): IsoDay {
  return dayOfNumber(parisClock(instant).dayNumber);
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
  const minutes = Math.floor(parisClock(instant).msOfDay / 60_000);
  return `${pad(Math.floor(minutes / 60), 2)}:${pad(minutes % 60, 2)}`;
}

export const WEEKDAY_NAMES = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"] as const;

/** "lundi" for 1 … "dimanche" for 7. */
export function weekdayName(isoWeekdayNumber: number): string {
  return WEEKDAY_NAMES[isoWeekdayNumber - 1] ?? "";
}

import { addDays, type IsoDay } from "./days";

/*
 * French public holidays (jours fériés, Code du travail art. L3133-1), metropolitan France without Alsace-Moselle's
 * two extra days: the days every activity closes and that working-day deadlines skip.
 */

export interface PublicHoliday {
  date: IsoDay;
  label: string;
}

const pad = (n: number) => String(n).padStart(2, "0");

/** Easter Sunday of a Gregorian year (the anonymous Gregorian algorithm, Meeus/Jones/Butcher). */
export function easterSunday(year: number): IsoDay {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const monthAndDay = h + l - 7 * m + 114;
  return `${year}-${pad(Math.floor(monthAndDay / 31))}-${pad((monthAndDay % 31) + 1)}`;
}

/** The public holidays of a calendar year in date order; two falling on one day (Ascension on 1 May) share it. */
export function frenchPublicHolidays(year: number): PublicHoliday[] {
  const easter = easterSunday(year);
  const all: PublicHoliday[] = [
    { date: `${year}-01-01`, label: "Jour de l'an" },
    { date: addDays(easter, 1), label: "Lundi de Pâques" },
    { date: `${year}-05-01`, label: "Fête du Travail" },
    { date: `${year}-05-08`, label: "Victoire 1945" },
    { date: addDays(easter, 39), label: "Ascension" },
    { date: addDays(easter, 50), label: "Lundi de Pentecôte" },
    { date: `${year}-07-14`, label: "Fête nationale" },
    { date: `${year}-08-15`, label: "Assomption" },
    { date: `${year}-11-01`, label: "Toussaint" },
    { date: `${year}-11-11`, label: "Armistice 1918" },
    { date: `${year}-12-25`, label: "Noël" },
  ];
  const byDate = new Map<IsoDay, string>();
  for (const { date, label } of all) byDate.set(date, byDate.has(date) ? `${byDate.get(date)} et ${label}` : label);
  return [...byDate].sort(([a], [b]) => a.localeCompare(b)).map(([date, label]) => ({ date, label }));
}

/** The public holidays from `from` to `to`, both included, in date order. */
export function frenchPublicHolidaysBetween(from: IsoDay, to: IsoDay): PublicHoliday[] {
  const years = Array.from(
    { length: Number(to.slice(0, 4)) - Number(from.slice(0, 4)) + 1 },
    (_, i) => Number(from.slice(0, 4)) + i,
  );
  return years.flatMap(frenchPublicHolidays).filter(({ date }) => date >= from && date <= to);
}

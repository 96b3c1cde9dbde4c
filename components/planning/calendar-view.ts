import { format } from "date-fns";
import { fr } from "date-fns/locale/fr";
import { addDays, type IsoDay, isoWeekday } from "@/lib/planning/days";

/*
 * The planning's view and date live in the URL (?vue=…&date=…): the server loads exactly the visible days and
 * every view has its own address. Pure functions, shared by the page (server) and the calendar (browser); the
 * URL's parsing (with zod) is the page's alone, in planning-query.ts, and stays out of the browser's bundle.
 */

export const PLANNING_VIEWS = { mois: "Mois", semaine: "Semaine", semaine5: "Semaine 5 j", jour: "Jour" } as const;
export type PlanningView = keyof typeof PLANNING_VIEWS;

/**
 * Without ?vue a phone shows the day and a wider screen the school week (as the guide's screenshot). Both are
 * drawn from the same loaded week, so the browser picks one without a second request.
 */
export function defaultView(narrowScreen: boolean): PlanningView {
  return narrowScreen ? "jour" : "semaine5";
}

const mondayOf = (day: IsoDay) => addDays(day, 1 - isoWeekday(day));
const firstOfMonth = (day: IsoDay) => `${day.slice(0, 8)}01`;
function lastOfMonth(day: IsoDay): IsoDay {
  const [y, m] = day.split("-").map(Number) as [number, number];
  return addDays(m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, "0")}-01`, -1);
}

/** The days a view shows around a date; the month grid runs from the Monday before the 1st to the Sunday after the end. */
export function visibleRange(view: PlanningView | null, date: IsoDay): { from: IsoDay; to: IsoDay } {
  switch (view) {
    case "jour":
      return { from: date, to: date };
    case "semaine5":
      return { from: mondayOf(date), to: addDays(mondayOf(date), 4) };
    case "mois": {
      const last = lastOfMonth(date);
      return { from: mondayOf(firstOfMonth(date)), to: addDays(last, 7 - isoWeekday(last)) };
    }
    default:
      // "semaine", and no view at all: the whole week covers every default (see defaultView).
      return { from: mondayOf(date), to: addDays(mondayOf(date), 6) };
  }
}

/** The date "Précédent" (-1) or "Suivant" (+1) leads to. */
export function stepDate(view: PlanningView, date: IsoDay, direction: -1 | 1): IsoDay {
  if (view === "jour") return addDays(date, direction);
  if (view === "mois")
    return direction < 0 ? firstOfMonth(addDays(firstOfMonth(date), -1)) : addDays(lastOfMonth(date), 1);
  return addDays(date, 7 * direction);
}

/** A local Date for a calendar day, for date-fns to name it. */
function dayToDate(day: IsoDay): Date {
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  return new Date(y, m - 1, d);
}

/** "jeudi 3 décembre 2026", "30 nov. – 4 déc. 2026", "décembre 2026": what the view shows. */
export function rangeTitle(view: PlanningView, date: IsoDay): string {
  if (view === "jour") return format(dayToDate(date), "EEEE d MMMM yyyy", { locale: fr });
  if (view === "mois") return format(dayToDate(date), "MMMM yyyy", { locale: fr });
  const { from, to } = visibleRange(view, date);
  const start = dayToDate(from);
  const end = dayToDate(to);
  const startFormat =
    from.slice(0, 4) !== to.slice(0, 4) ? "d MMM yyyy" : from.slice(0, 7) !== to.slice(0, 7) ? "d MMM" : "d";
  return `${format(start, startFormat, { locale: fr })} – ${format(end, "d MMM yyyy", { locale: fr })}`;
}

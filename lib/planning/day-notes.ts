import type { IsoDay } from "./days";
import { frenchPublicHolidaysBetween } from "./public-holidays";

/*
 * What a day of the planning says besides its slots: a public holiday, the school holidays or a closure the town
 * typed in (its label is what families read), so that a day without slots is never left unexplained.
 */

export type DayNoteKind = "public_holiday" | "school_holiday" | "closure";

export interface DayNote {
  day: IsoDay;
  kind: DayNoteKind;
  /** "Vacances de Noël", "Jour de l'an", "Grève du personnel de restauration (2/Repas Sco)". */
  label: string;
}

export interface ClosedDay {
  date: IsoDay;
  kind: DayNoteKind;
  label: string;
  /** Null for the whole commune. */
  activityId: string | null;
}

const KIND_ORDER: Record<DayNoteKind, number> = { public_holiday: 0, school_holiday: 1, closure: 2 };

/**
 * The notes of the days from `from` to `to`: the commune's closures (an activity's own named after it, only for the
 * activities shown), and the public holidays the town did not enter itself. In date order, then holidays first;
 * one note per day and label.
 */
export function dayNotes(p: {
  from: IsoDay;
  to: IsoDay;
  closedDays: readonly ClosedDay[];
  /** The labels of the activities shown, by id. */
  activityLabels: ReadonlyMap<string, string>;
}): DayNote[] {
  const notes = new Map<string, DayNote>();
  const add = (note: DayNote) => {
    const key = `${note.day}|${note.label}`;
    if (!notes.has(key)) notes.set(key, note);
  };
  const enteredHolidays = new Set<IsoDay>();
  for (const closed of p.closedDays) {
    if (closed.date < p.from || closed.date > p.to) continue;
    if (closed.activityId === null) {
      if (closed.kind === "public_holiday") enteredHolidays.add(closed.date);
      add({ day: closed.date, kind: closed.kind, label: closed.label });
      continue;
    }
    const activity = p.activityLabels.get(closed.activityId);
    if (activity) add({ day: closed.date, kind: closed.kind, label: `${closed.label} (${activity})` });
  }
  for (const { date, label } of frenchPublicHolidaysBetween(p.from, p.to))
    if (!enteredHolidays.has(date)) add({ day: date, kind: "public_holiday", label });
  return [...notes.values()].sort(
    (a, b) => a.day.localeCompare(b.day) || KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || a.label.localeCompare(b.label),
  );
}

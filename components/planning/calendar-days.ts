import type { PlanningData } from "@/lib/bookings/types";
import type { DayNote } from "@/lib/planning/day-notes";
import { eachDay, type IsoDay } from "@/lib/planning/days";
import type { PlanningView } from "./calendar-view";
import { visibleRange } from "./calendar-view";
import { longDay, type SlotEvent } from "./slot-text";

/* The days a view draws and what each holds: pure, shared by the month grid and the day columns. */

/** The days of a view; the month's in whole weeks (Monday to Sunday), the others in one row. */
export function viewWeeks(view: PlanningView, date: IsoDay): IsoDay[][] {
  const { from, to } = visibleRange(view, date);
  const days = eachDay(from, to);
  if (view !== "mois") return [days];
  return Array.from({ length: days.length / 7 }, (_, week) => days.slice(week * 7, week * 7 + 7));
}

// "HH:MM" sorts as plain text. Not localeCompare: a page's first collation loads the browser's collation data
// (20-59 ms in a fresh Chromium tab on a desktop CPU), and this runs in the planning's first render.
const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The slots with their child and activity, by day, in the order a day is read: by hour, then the children as the
 * planning lists them, then the activities.
 */
export function eventsByDay(data: PlanningData): Map<IsoDay, SlotEvent[]> {
  const children = new Map(data.children.map((c, rank) => [c.id, { child: c, rank }]));
  const activities = new Map(data.activities.map((a, rank) => [a.id, { activity: a, rank }]));
  const events = data.slots.flatMap((slot) => {
    const child = children.get(slot.childId);
    const activity = activities.get(slot.activityId);
    return child && activity ? [{ slot, child, activity }] : [];
  });
  events.sort(
    (a, b) =>
      compareText(a.slot.startTime, b.slot.startTime) ||
      a.child.rank - b.child.rank ||
      a.activity.rank - b.activity.rank,
  );
  const byDay = new Map<IsoDay, SlotEvent[]>();
  for (const { slot, child, activity } of events) {
    const day = byDay.get(slot.day) ?? [];
    day.push({ slot, child: child.child, activity: activity.activity });
    byDay.set(slot.day, day);
  }
  return byDay;
}

export function notesByDay(notes: readonly DayNote[]): Map<IsoDay, DayNote[]> {
  const byDay = new Map<IsoDay, DayNote[]>();
  for (const note of notes) byDay.set(note.day, [...(byDay.get(note.day) ?? []), note]);
  return byDay;
}

/**
 * The name of a day's link to its Jour view, for whoever cannot see the markers: "lundi 11/01/2027, Vacances de
 * Noël, 3 créneaux : afficher la journée".
 */
export function dayLinkName(day: IsoDay, events: readonly SlotEvent[], notes: readonly DayNote[]): string {
  const count = events.length === 0 ? "aucun créneau" : `${events.length} créneau${events.length > 1 ? "x" : ""}`;
  return `${[longDay(day), ...notes.map((n) => n.label), count].join(", ")} : afficher la journée`;
}

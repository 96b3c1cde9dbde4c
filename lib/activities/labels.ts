import type { ActivityCategory } from "@/db/schema/planning";
import { formatDate } from "@/lib/format";
import { isoWeekday, weekdayName } from "@/lib/planning/days";

/* The French words of the activities back office, shared by pages, forms and tests. */

export const CATEGORY_LABELS = {
  periscolaire: "Périscolaire",
  restauration: "Restauration scolaire",
  etude: "Étude surveillée",
  loisirs: "Accueil de loisirs",
  petite_enfance: "Petite enfance",
} as const satisfies Record<ActivityCategory, string>;

export const CLOSURE_KIND_LABELS = {
  public_holiday: "Jour férié",
  school_holiday: "Vacances scolaires",
  closure: "Fermeture",
} as const;
export type ClosureKind = keyof typeof CLOSURE_KIND_LABELS;

export const ENROLMENT_STATUS_LABELS = { active: "Inscrit", waiting: "En liste d'attente" } as const;
export type EnrolmentStatus = keyof typeof ENROLMENT_STATUS_LABELS;

export const DEADLINE_KIND_LABELS = { working: "Jours ouvrés", calendar: "Jours calendaires" } as const;

/** "lundi, mardi, jeudi, vendredi de 07:30 à 08:05". */
export function describeSchedule(activity: {
  weekdays: readonly number[];
  startTime: string;
  endTime: string;
}): string {
  const days = [...activity.weekdays]
    .sort((a, b) => a - b)
    .map(weekdayName)
    .join(", ");
  return `${days} de ${activity.startTime} à ${activity.endTime}`;
}

/** "20 places", "1 place" or "Illimitée". */
export function describeCapacity(capacity: number | null): string {
  if (capacity === null) return "Illimitée";
  return `${capacity} place${capacity > 1 ? "s" : ""}`;
}

/** "mardi 10/03/2026". */
export function describeDay(day: string): string {
  return `${weekdayName(isoWeekday(day))} ${formatDate(day)}`;
}

/** "12 / 40", "2 / 2 (complet)" or "3 (places illimitées)": the places held on a day. */
export function describePlaces(taken: number, capacity: number | null): string {
  if (capacity === null) return `${taken} (places illimitées)`;
  return `${taken} / ${capacity}${taken >= capacity ? " (complet)" : ""}`;
}

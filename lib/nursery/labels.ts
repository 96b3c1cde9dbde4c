import type { NurseryApplicationStatus, NurseryCareType, NurseryKind } from "@/db/schema/nursery";
import { type IsoDay, weekdayName } from "@/lib/planning/days";

/* The French words of the crèche module, shared by pages, forms, mails and tests. */

export const NURSERY_KIND_LABELS = {
  multi_accueil: "Multi-accueil",
  creche_familiale: "Crèche familiale",
  micro_creche: "Micro-crèche",
} as const satisfies Record<NurseryKind, string>;

export const CARE_TYPE_LABELS = {
  regulier: "Accueil régulier",
  occasionnel: "Accueil occasionnel",
  urgence: "Accueil d'urgence",
} as const satisfies Record<NurseryCareType, string>;

export const APPLICATION_STATUS_LABELS = {
  submitted: "En attente de commission",
  offered: "Place proposée",
  waiting_list: "Liste d'attente",
  accepted: "Place acceptée",
  declined: "Place déclinée",
  refused: "Refusée",
  withdrawn: "Retirée",
  lapsed: "Caduque (non confirmée)",
} as const satisfies Record<NurseryApplicationStatus, string>;

/** The states in which the family may still confirm, change (submitted only) or withdraw its application. */
export const OPEN_STATUSES = ["submitted", "waiting_list"] as const satisfies readonly NurseryApplicationStatus[];

/** "lundi 08:00–17:30, mardi 08:00–17:30" for a weekly schedule. */
export function describeWeeklySchedule(days: readonly { weekday: number; start: string; end: string }[]): string {
  return [...days]
    .sort((a, b) => a.weekday - b.weekday)
    .map((d) => `${weekdayName(d.weekday)} ${d.start}–${d.end}`)
    .join(", ");
}

/** The "Mois d'entrée" filter's value ("2027-09") of a start date. */
export function startMonthOf(day: IsoDay): string {
  return day.slice(0, 7);
}

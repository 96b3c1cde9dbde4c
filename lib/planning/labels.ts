import type { BookingEventKind } from "@/db/schema/planning";

/** "1/Péri MATIN" as the guides print an activity; just the name when the town gives no code. */
export function activityLabel(activity: { code: string; name: string }): string {
  return activity.code ? `${activity.code}/${activity.name}` : activity.name;
}

/** A slot's history as the family and the agents read it. */
export const BOOKING_EVENT_LABELS: Record<BookingEventKind, string> = {
  booking_requested: "Demande de réservation",
  absence_requested: "Demande d'absence",
  cancelled: "Demande annulée par la famille",
  accepted: "Réservation acceptée",
  waitlisted: "Mise en liste d'attente (activité complète)",
  promoted: "Place attribuée (liste d'attente)",
  refused: "Réservation refusée",
  absence_accepted: "Absence acceptée",
  absence_refused: "Absence refusée",
};

/** Accessible colours (white text ≥ 4.5:1) given to the children of a household in order. */
export const CHILD_COLORS = [
  "#1d4ed8",
  "#a21caf",
  "#047857",
  "#b45309",
  "#be123c",
  "#4338ca",
  "#0f766e",
  "#7c2d12",
] as const;

export function childColor(index: number): string {
  return CHILD_COLORS[index % CHILD_COLORS.length]!;
}

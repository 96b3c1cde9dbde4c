import type { BookingStatus } from "@/db/schema/planning";

/** What the planning shows for a child's day at an activity (the legend under the planning). */
export const SLOT_STATES = [
  "enrolled",
  "requested",
  "absence_requested",
  "booked",
  "waiting",
  "absent",
  "absent_billed",
  "refused",
] as const;
export type SlotState = (typeof SLOT_STATES)[number];

export const SLOT_STATE_LABELS: Record<SlotState, string> = {
  enrolled: "Inscrit, non réservé",
  requested: "Réservation demandée",
  absence_requested: "Absence demandée",
  booked: "Réservé / présent",
  waiting: "Liste d'attente",
  absent: "Absent",
  absent_billed: "Absence facturée (€)",
  refused: "Refusé",
};

/** A day with no booking row, or whose request was cancelled, is simply "enrolled, not booked". */
export function slotState(status: BookingStatus | null | undefined): SlotState {
  if (!status || status === "cancelled") return "enrolled";
  return status;
}

/** Statuses that hold one of the activity's places for the day. */
export const PLACE_HOLDING_STATUSES = ["booked", "absence_requested"] as const satisfies readonly BookingStatus[];

/** Statuses waiting for the town's decision (a family may still cancel them). */
export const PENDING_STATUSES = ["requested", "absence_requested"] as const satisfies readonly BookingStatus[];

export function isPending(status: BookingStatus | null | undefined): boolean {
  return status === "requested" || status === "absence_requested";
}

/** What clicking a slot offers: a booking on a free day, an absence on a booked one, cancelling a pending request. */
export type SlotAction = "book" | "absence" | "cancel" | null;

export function slotAction(state: SlotState): SlotAction {
  switch (state) {
    case "enrolled":
    case "refused":
      return "book";
    case "booked":
      return "absence";
    case "requested":
    case "absence_requested":
      return "cancel";
    default:
      return null;
  }
}

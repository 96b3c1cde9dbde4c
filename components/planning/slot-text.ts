import type { PlanningActivity, PlanningChild, PlanningSlot } from "@/lib/bookings/types";
import { formatDate } from "@/lib/format";
import { isoWeekday, weekdayName } from "@/lib/planning/days";
import { SLOT_STATE_LABELS, type SlotState } from "@/lib/planning/slot-state";
import { memoByDay } from "./memo-by-day";

/* The French sentences of a planning slot: its tooltip, its accessible name and the question its dialog asks. */

/** A slot with its child and activity, as the calendar draws it. */
export interface SlotEvent {
  slot: PlanningSlot;
  child: PlanningChild;
  activity: PlanningActivity;
}

/**
 * The state's mark beside its words, so that no state is told by colour alone. Geometric shapes and symbols
 * every system font has (no emoji, which would bring their own colours).
 */
export const SLOT_STATE_ICONS: Record<SlotState, string> = {
  enrolled: "○",
  requested: "◐",
  absence_requested: "◑",
  booked: "✓",
  waiting: "…",
  absent: "✕",
  absent_billed: "€",
  refused: "⊘",
};

/** An absence that came with a medical certificate (issue #12): its words and its mark, beside the state's. */
export const JUSTIFIED_ABSENCE = "Absence justifiée";
export const JUSTIFIED_ABSENCE_ICON = "✚";

const ABSENCE_STATES: readonly SlotState[] = ["absence_requested", "absent", "absent_billed"];

/**
 * Whether the slot is an absence justified by a medical certificate (the planning's rows say so); a day booked
 * again (its absence refused) is no absence, whatever document its row still points at.
 */
export function isJustifiedAbsence(slot: PlanningSlot): boolean {
  return slot.justified && ABSENCE_STATES.includes(slot.state);
}

/** The state's words: "Absence justifiée" for a justified absence, beside "Absence demandée" while it is asked. */
export function slotStateText(slot: PlanningSlot): string {
  if (!isJustifiedAbsence(slot)) return SLOT_STATE_LABELS[slot.state];
  return slot.state === "absent" ? JUSTIFIED_ABSENCE : `${SLOT_STATE_LABELS[slot.state]} – ${JUSTIFIED_ABSENCE}`;
}

/** The state's mark, or the justified absence's. */
export function slotStateIcon(slot: PlanningSlot): string {
  return isJustifiedAbsence(slot) ? JUSTIFIED_ABSENCE_ICON : SLOT_STATE_ICONS[slot.state];
}

/** "jeudi 03/12/2026" (every slot's name and tooltip say it). */
export const longDay = memoByDay((day) => `${weekdayName(isoWeekday(day))} ${formatDate(day)}`);

/** "11:30 – 13:20" */
export function slotHours(slot: Pick<PlanningSlot, "startTime" | "endTime">): string {
  return `${slot.startTime} – ${slot.endTime}`;
}

/** The tooltip of the guide: activity, day and state. */
export function slotTooltip({ slot, child, activity }: SlotEvent): string {
  return `${child.firstName} – ${activity.label} – ${longDay(slot.day)} – ${slotStateText(slot)}`;
}

/** What a screen reader says on a slot: child, activity, day, hours and state. */
export function slotAccessibleName({ slot, child, activity }: SlotEvent): string {
  return `${child.firstName}, ${activity.label}, ${longDay(slot.day)}, ${slotHours(slot)} : ${slotStateText(slot)}`;
}

/** What clicking the slot will ask the town, word for word; null when the slot offers nothing. */
export function slotQuestion({ slot, child, activity }: SlotEvent): string | null {
  const when = `le ${longDay(slot.day)} (${slotHours(slot)})`;
  switch (slot.action) {
    case "book":
      return `Demander la réservation de ${activity.label} pour ${child.firstName} ${when} ?`;
    case "absence":
      return `Déclarer l'absence de ${child.firstName} à ${activity.label} ${when} ?`;
    case "cancel":
      return slot.state === "absence_requested"
        ? `Annuler la demande en cours : absence de ${child.firstName} à ${activity.label} ${when} ?`
        : `Annuler la demande en cours : réservation de ${activity.label} pour ${child.firstName} ${when} ?`;
    default:
      return null;
  }
}

export const SLOT_ACTION_BUTTONS = {
  book: "Demander la réservation",
  absence: "Déclarer l'absence",
  cancel: "Annuler la demande",
} as const;

/** Why the click cannot be turned into a request now, in the words of the action it would have been. */
export function slotRefusal(slot: PlanningSlot): string | null {
  if (!slot.action) return "Aucune demande n'est possible sur ce créneau pour le moment.";
  if (!slot.blockedReason) return null;
  const what =
    slot.action === "book"
      ? "Réservation impossible"
      : slot.action === "absence"
        ? "Absence impossible"
        : "Annulation impossible";
  return `${what} : ${slot.blockedReason}`;
}

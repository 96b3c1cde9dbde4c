"use server";

import type { SlotHistoryItem } from "@/components/planning/slot-history";
import { familyAction } from "@/lib/actions/action";
import { type ActionState, failure, success } from "@/lib/actions/state";
import { cancelSlotRequest } from "@/lib/bookings/cancel";
import { loadSlotHistory } from "@/lib/bookings/history";
import { acknowledgementRecipientOf } from "@/lib/bookings/mails";
import { loadSlot, loadSlotOfBooking } from "@/lib/bookings/planning";
import { cancelSlotSchema, slotRequestSchema } from "@/lib/bookings/schemas";
import { submitSlotRequest } from "@/lib/bookings/submit";
import type { DayResult, PlanningSlot } from "@/lib/bookings/types";
import { formatDateTime } from "@/lib/format";
import { deliverAfterResponse } from "@/lib/mail/deliver-after-response";

/*
 * The planning's clicks: ask for one day, cancel a pending request, read a slot's history. The household is
 * always the one owning the child or slot among the account's subscriptions, never an id from the browser.
 * An answer carries the slot as it now is (null: no longer in the planning), which the calendar redraws: the
 * page is not rendered again with it — on registration day that render was a third of a booking's server time.
 * Other pages are rendered per request (nothing of theirs is cached to revalidate).
 */

const SLOT_NOT_FOUND = "Ce créneau est introuvable dans votre planning. Actualisez le planning.";

/** The answer to a click on a slot, with that slot as it now is. */
export type SlotAnswer = ActionState<PlanningSlot | null>;

/** What the family reads once the day was asked: the town's answer when immediate, else "en cours d'instruction". */
function dayResultState(result: DayResult | undefined, reference: string | undefined, slot: PlanningSlot | null) {
  if (!result) return failure("Aucun jour ne correspond à cette demande.", {}, slot);
  const ref = reference ? ` (référence ${reference})` : "";
  const note = result.reason ? ` ${result.reason}` : "";
  switch (result.outcome) {
    case "requested":
      return success(
        `Votre demande de réservation est enregistrée${ref} : elle est en cours d'instruction par la collectivité.`,
        slot,
      );
    case "booked":
      return success(`La réservation est acceptée${ref}.`, slot);
    case "waiting":
      return success(
        `L'activité est complète ce jour-là : votre demande est mise en liste d'attente${ref}. Vous serez prévenu si une place se libère.`,
        slot,
      );
    case "absence_requested":
      return success(
        `Votre demande d'absence est enregistrée${ref} : elle est en cours d'instruction par la collectivité.${note}`,
        slot,
      );
    case "absent":
    case "absent_billed":
      return success(`L'absence est enregistrée${ref}.${note}`, slot);
    case "refused":
      return failure(`Demande refusée : ${result.reason ?? "ce jour ne peut pas être demandé."}`, {}, slot);
  }
}

// A click on the planning asks for exactly one day; longer periods go through the Réservations / Absences forms.
const oneDaySchema = slotRequestSchema.refine((value) => value.from === value.to, {
  path: ["to"],
  message: "Une demande depuis le planning porte sur un seul jour.",
});

const refusal = failure(SLOT_NOT_FOUND);

/** "Demander la réservation" / "Déclarer l'absence" on one slot. */
export const requestSlot = familyAction(
  { schema: oneDaySchema, householdOf: "childId", refusal },
  async (input, ctx): Promise<SlotAnswer> => {
    const { db, commune, user, householdId } = ctx;
    const result = await submitSlotRequest(db, {
      communeId: commune.id,
      userId: user.id,
      recipient: acknowledgementRecipientOf(user, commune),
      householdId,
      input,
      deliver: deliverAfterResponse(db),
    });
    // Even a refused day is redrawn: the planning the family saw may have changed since.
    const slot = await loadSlot(db, {
      communeId: commune.id,
      householdId,
      childId: input.childId,
      activityId: input.activityId,
      day: input.from,
    });
    // The dialog has no fields to flag: the first reason is the message.
    if (!result.ok) return failure(Object.values(result.fieldErrors)[0] ?? SLOT_NOT_FOUND, {}, slot);
    return dayResultState(result.results[0], result.request?.reference, slot);
  },
);

/** "Annuler la demande" on a slot still waiting for the town. */
export const cancelSlot = familyAction(
  { schema: cancelSlotSchema, householdOf: "bookingId", refusal },
  async (input, ctx): Promise<SlotAnswer> => {
    const { db, commune, user, householdId } = ctx;
    const scope = { communeId: commune.id, householdId };
    const result = await cancelSlotRequest(db, { ...scope, userId: user.id, bookingId: input.bookingId });
    const slot = await loadSlotOfBooking(db, { ...scope, bookingId: input.bookingId });
    if (!result.ok) {
      return failure(
        result.reason === "not_pending"
          ? "Cette demande n'est plus en cours (déjà traitée ou annulée) : elle ne peut plus être annulée."
          : SLOT_NOT_FOUND,
        {},
        slot,
      );
    }
    return success("Votre demande est annulée.", slot);
  },
);

/** The history of a slot, read when its dialog opens. */
export const slotHistoryAction = familyAction(
  { schema: cancelSlotSchema, householdOf: "bookingId", refusal },
  async (input, ctx) => {
    const entries = await loadSlotHistory(ctx.db, {
      communeId: ctx.commune.id,
      householdId: ctx.householdId,
      bookingId: input.bookingId,
    });
    if (!entries) return failure(SLOT_NOT_FOUND);
    return success<SlotHistoryItem[]>(
      undefined,
      entries.map((e) => ({
        at: e.at.toISOString(),
        when: formatDateTime(e.at),
        label: e.label,
        side: e.side,
        actorName: e.actorName,
        message: e.message,
        requestReference: e.requestReference,
      })),
    );
  },
);

"use server";

import { revalidatePath } from "next/cache";
import type { SlotHistoryItem } from "@/components/planning/slot-history";
import { familyAction } from "@/lib/actions/action";
import { type ActionState, failure, success } from "@/lib/actions/state";
import { cancelSlotRequest } from "@/lib/bookings/cancel";
import { loadSlotHistory } from "@/lib/bookings/history";
import { cancelSlotSchema, slotRequestSchema } from "@/lib/bookings/schemas";
import { submitSlotRequest } from "@/lib/bookings/submit";
import type { DayResult } from "@/lib/bookings/types";
import { formatDateTime } from "@/lib/format";
import { routePatterns } from "@/lib/routes/paths";

/*
 * The planning's clicks: ask for one day, cancel a pending request, read a slot's history. The household is
 * always the one owning the child or slot among the account's subscriptions, never an id from the browser.
 */

const SLOT_NOT_FOUND = "Ce créneau est introuvable dans votre planning. Actualisez le planning.";

function revalidatePlanning() {
  revalidatePath(routePatterns.planning, "layout");
  revalidatePath(routePatterns.myRequests, "layout");
}

/** What the family reads once the day was asked: the town's answer when immediate, else "en cours d'instruction". */
function dayResultState(result: DayResult | undefined, reference: string | undefined): ActionState {
  if (!result) return failure("Aucun jour ne correspond à cette demande.");
  const ref = reference ? ` (référence ${reference})` : "";
  const note = result.reason ? ` ${result.reason}` : "";
  switch (result.outcome) {
    case "requested":
      return success(
        `Votre demande de réservation est enregistrée${ref} : elle est en cours d'instruction par la collectivité.`,
      );
    case "booked":
      return success(`La réservation est acceptée${ref}.`);
    case "waiting":
      return success(
        `L'activité est complète ce jour-là : votre demande est mise en liste d'attente${ref}. Vous serez prévenu si une place se libère.`,
      );
    case "absence_requested":
      return success(
        `Votre demande d'absence est enregistrée${ref} : elle est en cours d'instruction par la collectivité.${note}`,
      );
    case "absent":
    case "absent_billed":
      return success(`L'absence est enregistrée${ref}.${note}`);
    case "refused":
      return failure(`Demande refusée : ${result.reason ?? "ce jour ne peut pas être demandé."}`);
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
  async (input, ctx) => {
    const { db, commune, user, householdId } = ctx;
    const result = await submitSlotRequest(db, { communeId: commune.id, userId: user.id, householdId, input });
    // The dialog has no fields to flag: the first reason is the message.
    if (!result.ok) return failure(Object.values(result.fieldErrors)[0] ?? SLOT_NOT_FOUND);
    // Even a refused day is redrawn: the planning the family saw may have changed since.
    revalidatePlanning();
    return dayResultState(result.results[0], result.request?.reference);
  },
);

/** "Annuler la demande" on a slot still waiting for the town. */
export const cancelSlot = familyAction(
  { schema: cancelSlotSchema, householdOf: "bookingId", refusal },
  async (input, ctx) => {
    const { db, commune, user, householdId } = ctx;
    const result = await cancelSlotRequest(db, {
      communeId: commune.id,
      userId: user.id,
      householdId,
      bookingId: input.bookingId,
    });
    if (!result.ok) {
      return failure(
        result.reason === "not_pending"
          ? "Cette demande n'est plus en cours (déjà traitée ou annulée) : elle ne peut plus être annulée."
          : SLOT_NOT_FOUND,
      );
    }
    revalidatePlanning();
    return success("Votre demande est annulée.");
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

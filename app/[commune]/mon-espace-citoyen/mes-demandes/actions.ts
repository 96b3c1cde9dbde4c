"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { familyAction } from "@/lib/actions/action";
import { failure, success } from "@/lib/actions/state";
import { NOT_SUBSCRIBED } from "@/lib/family-file/actions-messages";
import { requestTargetSchema } from "@/lib/family-file/schemas";
import { markRequestsRead } from "@/lib/requests/messages";
import { withdrawRequest } from "@/lib/requests/withdraw";
import { routePatterns } from "@/lib/routes/paths";

/* Mes demandes and the "Retirer ma demande" buttons of the Dossier famille: on the account's own households only. */

function revalidateFamilyPages() {
  revalidatePath(routePatterns.familyFile, "layout");
  revalidatePath(routePatterns.myRequests, "layout");
}

const refusal = failure(NOT_SUBSCRIBED);

/** "Retirer ma demande": only a pending request of the account's household. */
export const withdrawMyRequest = familyAction(
  { schema: requestTargetSchema, householdOf: "householdId", refusal },
  async (input, ctx) => {
    const result = await withdrawRequest(ctx.db, {
      communeId: ctx.commune.id,
      householdId: ctx.householdId,
      userId: ctx.user.id,
      requestId: input.requestId,
    });
    if (!result.ok) {
      return failure(
        result.reason === "not_pending"
          ? "Cette demande a déjà été traitée : elle ne peut plus être retirée."
          : "Demande introuvable.",
      );
    }
    revalidateFamilyPages();
    return success("Votre demande a été retirée.");
  },
);

const uuidList = z.preprocess(
  (v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]),
  z.array(z.uuid({ error: "Demande introuvable." })).max(100),
);

const markReadSchema = z.object({
  householdId: z.uuid({ error: "Le dossier famille est introuvable." }),
  scope: z.enum(["selection", "all"], { error: "Choisissez les demandes à marquer comme lues." }),
  requestIds: uuidList,
});

/** "Marquer la sélection comme lue" / "Tout marquer comme lu". */
export const markMyRequestsRead = familyAction(
  { schema: markReadSchema, householdOf: "householdId", refusal },
  async (input, ctx) => {
    if (input.scope === "selection" && input.requestIds.length === 0) return failure("Cochez au moins une demande.");
    const count = await markRequestsRead(ctx.db, {
      communeId: ctx.commune.id,
      householdId: ctx.householdId,
      requestIds: input.scope === "all" ? "all" : input.requestIds,
    });
    revalidateFamilyPages();
    return success(
      count === 0 ? "Aucun nouveau message à marquer comme lu." : `${count} demande(s) marquée(s) comme lue(s).`,
    );
  },
);

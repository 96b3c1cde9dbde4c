"use server";

import { revalidatePath } from "next/cache";
import { type FamilyContext, familyAction } from "@/lib/actions/action";
import { type ActionState, failure, success } from "@/lib/actions/state";
import { currentTime } from "@/lib/clock";
import { NOT_SUBSCRIBED } from "@/lib/family-file/actions-messages";
import {
  acceptNurseryOffer,
  declineNurseryOffer,
  type NurseryBirth,
  type OfferAnswerResult,
} from "@/lib/nursery/answer";
import { acceptWithBirthSchema, offerAnswerSchema } from "@/lib/nursery/answer-schemas";
import { routePatterns } from "@/lib/routes/paths";

/* "Accepter la place" / "Décliner la place" on the family's application page: on the account's own households only. */

const refusal = failure(NOT_SUBSCRIBED);

const REFUSALS = {
  not_found: "Demande introuvable.",
  not_offered: "Cette place n'est plus proposée : la demande a déjà reçu une réponse.",
  expired: "Le délai de réponse est dépassé : la place retourne à la commission.",
  birth_required: "Indiquez le prénom, le sexe et la date de naissance de l'enfant pour accepter la place.",
  birth_after_today: "La date de naissance ne peut pas être dans le futur.",
} as const satisfies Record<Exclude<OfferAnswerResult, { ok: true }>["reason"], string>;

/** The answer shows on the application's page, Mes demandes, the family file and the planning. */
function revalidateFamilyPages() {
  revalidatePath(routePatterns.familyNursery, "layout");
  revalidatePath(routePatterns.myRequests, "layout");
  revalidatePath(routePatterns.familyFile, "layout");
  revalidatePath(routePatterns.planning, "layout");
}

async function accept(
  input: { applicationId: string },
  ctx: FamilyContext,
  birth: NurseryBirth | null,
): Promise<ActionState> {
  const result = await acceptNurseryOffer(ctx.db, {
    communeId: ctx.commune.id,
    householdId: ctx.householdId,
    userId: ctx.user.id,
    applicationId: input.applicationId,
    birth,
    now: currentTime(),
  });
  if (!result.ok) {
    return result.reason === "birth_after_today"
      ? failure(REFUSALS[result.reason], { birthDate: [REFUSALS[result.reason]] })
      : failure(REFUSALS[result.reason]);
  }
  revalidateFamilyPages();
  return success("Vous avez accepté la place : l'enfant est inscrit et apparaît dans votre planning.");
}

/** "Accepter la place" for a child of the family file. */
export const acceptNurseryPlace = familyAction(
  { schema: offerAnswerSchema, householdOf: "householdId", refusal },
  (input, ctx) => accept(input, ctx, null),
);

/** "Accepter la place" for a child that was to be born: its first name, sex and birth date create it. */
export const acceptNurseryPlaceWithBirth = familyAction(
  { schema: acceptWithBirthSchema, householdOf: "householdId", refusal },
  (input, ctx) => accept(input, ctx, { firstName: input.firstName, sex: input.sex, birthDate: input.birthDate }),
);

/** "Décliner la place": the application closes, the place goes back to the commission. */
export const declineNurseryPlace = familyAction(
  { schema: offerAnswerSchema, householdOf: "householdId", refusal },
  async (input, ctx) => {
    const result = await declineNurseryOffer(ctx.db, {
      communeId: ctx.commune.id,
      householdId: ctx.householdId,
      userId: ctx.user.id,
      applicationId: input.applicationId,
      now: currentTime(),
    });
    if (!result.ok) return failure(REFUSALS[result.reason]);
    revalidateFamilyPages();
    return success("Vous avez décliné la place proposée.");
  },
);

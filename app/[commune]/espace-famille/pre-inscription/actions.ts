"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { type UserContext, userAction } from "@/lib/actions/action";
import { type ActionState, failure, fieldFailure, success } from "@/lib/actions/state";
import { familyStepSchema, financeStepSchema, wishesByChild, wishesStepSchema } from "@/lib/new-family/schemas";
import {
  hasSubscription,
  latestPreRegistration,
  loadDraft,
  saveDraftStep,
  submitPreRegistration,
} from "@/lib/new-family/store";
import { routePatterns } from "@/lib/routes/paths";

/* The wizard's server actions: a signed-in family account without a subscription, its own draft only. */

const SUBSCRIBED = "Votre compte est déjà relié à un dossier famille : la pré-inscription n'est plus nécessaire.";
const ALREADY_PENDING = "Une pré-inscription est déjà en cours de traitement par la commune pour votre compte.";

/** Refuses when the account is subscribed or already waits for the town's answer; otherwise runs the step. */
async function guarded(
  ctx: UserContext,
  run: (scope: { communeId: string; userId: string }) => Promise<ActionState>,
): Promise<ActionState> {
  const scope = { communeId: ctx.commune.id, userId: ctx.user.id };
  if (await hasSubscription(ctx.db, scope)) return failure(SUBSCRIBED);
  const latest = await latestPreRegistration(ctx.db, scope);
  if (latest?.status === "pending") return failure(ALREADY_PENDING);
  return run(scope);
}

function revalidateWizard() {
  revalidatePath(routePatterns.familySpace, "layout");
}

export const saveFamilyStep = userAction({ schema: familyStepSchema, roles: ["family"] }, async (input, ctx) =>
  guarded(ctx, async (scope) => {
    const { hasGuardian2: _ignored, ...family } = input;
    await saveDraftStep(ctx.db, scope, { family: { ...family, hasGuardian2: Boolean(family.guardian2) } });
    revalidateWizard();
    return success("Étape « Ma famille » enregistrée.");
  }),
);

export const saveFinanceStep = userAction({ schema: financeStepSchema, roles: ["family"] }, async (input, ctx) =>
  guarded(ctx, async (scope) => {
    const draft = await loadDraft(ctx.db, scope);
    if (!draft.family) return failure("Complétez d'abord l'étape « Ma famille ».");
    if (!draft.family.guardian2) {
      if (input.payer === 2) return fieldFailure("payer", "Vous n'avez pas déclaré de responsable 2.");
      if (input.allocataire === 2) return fieldFailure("allocataire", "Vous n'avez pas déclaré de responsable 2.");
    }
    await saveDraftStep(ctx.db, scope, { finance: input });
    revalidateWizard();
    return success("Étape « Mes informations financières » enregistrée.");
  }),
);

export const saveWishesStep = userAction({ schema: wishesStepSchema, roles: ["family"] }, async (input, ctx) =>
  guarded(ctx, async (scope) => {
    const draft = await loadDraft(ctx.db, scope);
    if (!draft.family || !draft.finance) return failure("Complétez d'abord les étapes précédentes.");
    const count = draft.family.children.length;
    if (input.wishes.some((w) => Number(w.split(":")[0]) >= count)) return fieldFailure("wishes", "Choix inconnu.");
    await saveDraftStep(ctx.db, scope, { wishes: wishesByChild(input.wishes, count) });
    revalidateWizard();
    return success("Étape « Mes pré-inscriptions et réservations » enregistrée.");
  }),
);

export const sendPreRegistration = userAction({ schema: z.object({}), roles: ["family"] }, async (_input, ctx) => {
  const result = await submitPreRegistration(ctx.db, { communeId: ctx.commune.id, userId: ctx.user.id });
  if (!result.ok) {
    if (result.reason === "subscribed") return failure(SUBSCRIBED);
    if (result.reason === "already_pending") return failure(ALREADY_PENDING);
    return failure("Votre pré-inscription est incomplète : reprenez les étapes précédentes.");
  }
  revalidateWizard();
  revalidatePath(routePatterns.agentRequests, "layout");
  return success(`Votre demande ${result.reference} a été transmise à la commune.`);
});

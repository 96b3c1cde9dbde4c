"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { type UserContext, userAction } from "@/lib/actions/action";
import { type ActionState, failure, fieldFailure, success } from "@/lib/actions/state";
import { RIB_CODE } from "@/lib/documents/codes";
import { RIB_FIELD, RIB_REQUIRED } from "@/lib/documents/family-messages";
import { chosenFiles, hasChosenFiles } from "@/lib/documents/form-files";
import { findPreRegistrationDocument, storePreRegistrationDocument } from "@/lib/documents/store-document";
import { findDocumentTypeByCode } from "@/lib/documents/types";
import { prepareUploadedDocument } from "@/lib/documents/upload";
import { deliverPendingMail } from "@/lib/mail/send-mail";
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
/** The RIB type was switched off, or the account changed, between the check and the store: rare, said plainly. */
const RIB_NOT_TAKEN = "Votre RIB n'a pas pu être enregistré. Rechargez la page et réessayez.";

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

/** Step 2's form as posted: the finance fields, and the RIB's file field when direct debit is chosen. */
const financeStepForm = z.intersection(financeStepSchema, z.object({ [RIB_FIELD]: z.unknown().optional() }));

/**
 * Step 2. Direct debit needs the RIB (when the commune asks for one: its RIB type active and required): chosen now,
 * it is checked (answered at its field) and stored as the account's pre-registration RIB, replacing the previous
 * one; otherwise the one already stored for this account will do. Without either, nothing is saved.
 */
export const saveFinanceStep = userAction({ schema: financeStepForm, roles: ["family"] }, async (input, ctx) =>
  guarded(ctx, async (scope) => {
    const { [RIB_FIELD]: ribFiles, ...finance } = input;
    const draft = await loadDraft(ctx.db, scope);
    if (!draft.family) return failure("Complétez d'abord l'étape « Ma famille ».");
    if (!draft.family.guardian2) {
      if (finance.payer === 2) return fieldFailure("payer", "Vous n'avez pas déclaré de responsable 2.");
      if (finance.allocataire === 2) return fieldFailure("allocataire", "Vous n'avez pas déclaré de responsable 2.");
    }
    if (finance.directDebit) {
      const ribType = await findDocumentTypeByCode(ctx.db, { communeId: scope.communeId, code: RIB_CODE });
      if (ribType && hasChosenFiles(ribFiles)) {
        const prepared = await prepareUploadedDocument(chosenFiles(ribFiles));
        if (!prepared.ok) return fieldFailure(RIB_FIELD, prepared.message);
        const stored = await storePreRegistrationDocument(ctx.db, { ...scope, prepared: prepared.document });
        if (!stored.ok) return fieldFailure(RIB_FIELD, RIB_NOT_TAKEN);
      } else if (ribType?.required && !(await findPreRegistrationDocument(ctx.db, scope))) {
        return fieldFailure(RIB_FIELD, RIB_REQUIRED);
      }
    }
    await saveDraftStep(ctx.db, scope, { finance });
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
  // The acknowledgement is in the outbox with the request: if this first attempt fails, the job retries it.
  if (result.mailIds.length)
    await deliverPendingMail(ctx.db, { ids: result.mailIds }).catch((error) =>
      console.error(`acknowledgement of pre-registration ${result.reference} not attempted`, error),
    );
  revalidateWizard();
  revalidatePath(routePatterns.agentRequests, "layout");
  revalidatePath(routePatterns.myRequests, "page");
  return success(`Votre demande ${result.reference} a été transmise à la commune.`);
});

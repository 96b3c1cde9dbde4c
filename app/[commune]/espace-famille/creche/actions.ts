"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { familyAction } from "@/lib/actions/action";
import { type ActionState, failure, INVALID_FORM, success } from "@/lib/actions/state";
import { currentTime } from "@/lib/clock";
import { chosenFiles, hasChosenFiles } from "@/lib/documents/form-files";
import type { PreparedDocument } from "@/lib/documents/prepared";
import { prepareUploadedDocument } from "@/lib/documents/upload";
import { NOT_SUBSCRIBED } from "@/lib/family-file/actions-messages";
import {
  confirmNurseryApplication,
  type FamilyMoveResult,
  type FieldErrors,
  submitNurseryApplication,
  updateNurseryApplication,
} from "@/lib/nursery/apply";
import {
  nurseryApplicationTargetSchema,
  submitNurseryApplicationSchema,
  UNBORN_CHILD,
  updateNurseryApplicationSchema,
} from "@/lib/nursery/schemas";
import { routePatterns, routes } from "@/lib/routes/paths";

/*
 * Espace famille › Pré-inscription en crèche: send, change, confirm and withdraw an application. The household is
 * the one the form points at among the account's subscriptions (familyAction); the application must be of it.
 */

const refusal = failure(NOT_SUBSCRIBED);

function revalidateNurseryPages() {
  revalidatePath(routePatterns.familyNursery, "layout");
  revalidatePath(routePatterns.myRequests, "layout");
  revalidatePath(routePatterns.familyDocuments, "layout");
}

const fieldFailures = (errors: FieldErrors): ActionState =>
  failure(
    errors.form ?? INVALID_FORM,
    Object.fromEntries(
      Object.entries(errors).flatMap(([field, message]) => (field === "form" ? [] : [[field, [message]]])),
    ),
  );

/** The certificate of pregnancy's files, checked and made into one document (a child to be born only). */
async function preparedCertificate(
  child: string,
  files: unknown,
): Promise<{ ok: true; document?: PreparedDocument } | { ok: false; state: ActionState }> {
  if (child !== UNBORN_CHILD || !hasChosenFiles(files)) return { ok: true };
  const prepared = await prepareUploadedDocument(chosenFiles(files));
  if (!prepared.ok) return { ok: false, state: fieldFailures({ certificate: prepared.message }) };
  return { ok: true, document: prepared.document };
}

/** "Envoyer ma demande": then the list says "Votre demande D… a bien été envoyée.". */
export const sendNurseryApplication = familyAction(
  { schema: submitNurseryApplicationSchema, householdOf: "householdId", refusal },
  async ({ householdId: _household, certificate: files, ...input }, ctx) => {
    const certificate = await preparedCertificate(input.child, files);
    if (!certificate.ok) return certificate.state;
    const result = await submitNurseryApplication(ctx.db, {
      communeId: ctx.commune.id,
      householdId: ctx.householdId,
      userId: ctx.user.id,
      input,
      certificate: certificate.document,
      now: currentTime(),
    });
    if (!result.ok) return fieldFailures(result.fieldErrors);
    revalidateNurseryPages();
    redirect(routes.family.nursery(ctx.commune.slug, ctx.householdId, { sent: true }));
  },
);

const NOT_FOUND = "Demande introuvable.";
const NOT_OPEN = "Cette demande a déjà été traitée par la commission : elle ne peut plus être modifiée.";

function moveFailure(result: Exclude<FamilyMoveResult, { ok: true }>): ActionState {
  if (result.reason === "invalid") return fieldFailures(result.fieldErrors);
  return failure(result.reason === "not_found" ? NOT_FOUND : NOT_OPEN);
}

/** "Modifier ma demande" (waiting for the commission only): back to the application's page. */
export const changeNurseryApplication = familyAction(
  { schema: updateNurseryApplicationSchema, householdOf: "householdId", refusal },
  async ({ householdId: _household, applicationId, certificate: files, ...input }, ctx) => {
    const certificate = await preparedCertificate(input.child, files);
    if (!certificate.ok) return certificate.state;
    const result = await updateNurseryApplication(ctx.db, {
      communeId: ctx.commune.id,
      householdId: ctx.householdId,
      userId: ctx.user.id,
      applicationId,
      input,
      certificate: certificate.document,
      now: currentTime(),
    });
    if (!result.ok) return moveFailure(result);
    revalidateNurseryPages();
    redirect(routes.family.nurseryApplication(ctx.commune.slug, applicationId));
  },
);

/** "Confirmer ma demande": the next confirmation is due some months from now. */
export const confirmNurseryApplicationAction = familyAction(
  { schema: nurseryApplicationTargetSchema, householdOf: "householdId", refusal },
  async (input, ctx) => {
    const result = await confirmNurseryApplication(ctx.db, {
      communeId: ctx.commune.id,
      householdId: ctx.householdId,
      userId: ctx.user.id,
      applicationId: input.applicationId,
      now: currentTime(),
    });
    if (!result.ok) return moveFailure(result);
    revalidateNurseryPages();
    return success("Votre demande est confirmée.");
  },
);

"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { familyAction } from "@/lib/actions/action";
import { failure, fieldFailure, INVALID_FORM, success } from "@/lib/actions/state";
import { acknowledgementRecipientOf } from "@/lib/bookings/mails";
import { slotRequestSchema } from "@/lib/bookings/schemas";
import { previewSlotRequest, submitSlotRequest } from "@/lib/bookings/submit";
import type { PeriodOutcome } from "@/lib/bookings/types";
import { CERTIFICATE_FIELD } from "@/lib/documents/family-messages";
import { chosenFiles, hasChosenFiles } from "@/lib/documents/form-files";
import type { PreparedDocument } from "@/lib/documents/prepared";
import { prepareUploadedDocument } from "@/lib/documents/upload";
import { deliverAfterResponse } from "@/lib/mail/deliver-after-response";
import { routePatterns } from "@/lib/routes/paths";

/*
 * The period form ("Réservation d'activité" / "Absence à une activité"). The household is the one of the chosen
 * child among the account's subscriptions: a child id from elsewhere is refused before anything is read.
 */

const forChild = {
  schema: slotRequestSchema,
  householdOf: "childId",
  refusal: fieldFailure("childId", "Enfant introuvable dans votre dossier famille."),
} as const;

/** The bookings module names one message per field; the form kit takes a list. */
const fieldErrorsOf = (errors: Record<string, string>) =>
  failure(INVALID_FORM, Object.fromEntries(Object.entries(errors).map(([field, message]) => [field, [message]])));

/** "Dates concernées": what the request would do, date by date; nothing is written. */
export const previewPeriodRequest = familyAction(forChild, async (input, ctx) => {
  const preview = await previewSlotRequest(ctx.db, { communeId: ctx.commune.id, householdId: ctx.householdId, input });
  return preview.ok
    ? success<PeriodOutcome>(undefined, { days: preview.days, request: null })
    : fieldErrorsOf(preview.fieldErrors);
});

/** The period form as "Demander" posts it: an absence may come with a medical certificate (its files). */
const periodRequestSchema = z.intersection(
  slotRequestSchema,
  z.object({ [CERTIFICATE_FIELD]: z.unknown().optional() }),
);

/**
 * "Demander": one request for every date that may be asked; each date's outcome comes back. An absence's medical
 * certificate, when given, is checked first (answered at its field) and stored with the request: the absence is
 * then justified.
 */
export const submitPeriodRequest = familyAction({ ...forChild, schema: periodRequestSchema }, async (form, ctx) => {
  const { [CERTIFICATE_FIELD]: certificateFiles, ...input } = form;
  let certificate: PreparedDocument | undefined;
  if (input.kind === "absence" && hasChosenFiles(certificateFiles)) {
    const prepared = await prepareUploadedDocument(chosenFiles(certificateFiles));
    if (!prepared.ok) return failure<PeriodOutcome>(INVALID_FORM, { [CERTIFICATE_FIELD]: [prepared.message] });
    certificate = prepared.document;
  }
  const result = await submitSlotRequest(ctx.db, {
    communeId: ctx.commune.id,
    householdId: ctx.householdId,
    userId: ctx.user.id,
    recipient: acknowledgementRecipientOf(ctx.user, ctx.commune),
    input,
    certificate,
    deliver: deliverAfterResponse(ctx.db),
  });
  if (!result.ok) return fieldErrorsOf(result.fieldErrors);
  if (!result.request) {
    const message =
      "Aucune de ces dates ne peut être demandée : rien n'a été envoyé. Le motif de chaque date est indiqué dans « Dates concernées ».";
    return failure<PeriodOutcome>(message, {}, { days: result.results, request: null });
  }
  revalidatePath(routePatterns.planning, "layout");
  revalidatePath(routePatterns.myRequests, "layout");
  const what = input.kind === "booking" ? "de réservation" : "d'absence";
  return success<PeriodOutcome>(
    `Votre demande ${what} a été transmise à la collectivité sous la référence ${result.request.reference}.`,
    {
      days: result.results,
      request: result.request,
    },
  );
});

"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { familyAction } from "@/lib/actions/action";
import { failure, fieldFailure } from "@/lib/actions/state";
import { DOCUMENT_NOT_ASKED } from "@/lib/documents/family-messages";
import { chosenFiles } from "@/lib/documents/form-files";
import { uploadDocumentSchema } from "@/lib/documents/schemas";
import { storeDocument } from "@/lib/documents/store-document";
import { prepareUploadedDocument } from "@/lib/documents/upload";
import { NOT_SUBSCRIBED } from "@/lib/family-file/actions-messages";
import { routePatterns, routes } from "@/lib/routes/paths";

/*
 * Espace famille › Pièces justificatives: "Ajouter" / "Remplacer" a document. The household is the one the form
 * points at among the account's subscriptions (resolved by familyAction, never taken from the form); the type
 * must be an active type of the commune asked of that household, and the child one of its children: storeDocument
 * checks both in the transaction that writes the document.
 */

const depositSchema = uploadDocumentSchema.extend({
  householdId: z.uuid({ error: NOT_SUBSCRIBED }),
});

/** "Envoyer": the files checked and made into one document, stored "En cours de vérification", back to the list. */
export const uploadDocument = familyAction(
  { schema: depositSchema, householdOf: "householdId", refusal: failure(NOT_SUBSCRIBED) },
  async (input, ctx) => {
    const prepared = await prepareUploadedDocument(chosenFiles(input.files));
    if (!prepared.ok) return fieldFailure("files", prepared.message);
    const stored = await storeDocument(ctx.db, {
      communeId: ctx.commune.id,
      householdId: ctx.householdId,
      userId: ctx.user.id,
      typeId: input.typeId,
      childId: input.childId ?? null,
      prepared: prepared.document,
    });
    if (!stored.ok) return failure(DOCUMENT_NOT_ASKED);
    revalidatePath(routePatterns.familyDocuments, "layout");
    revalidatePath(routePatterns.familyFile, "layout");
    revalidatePath(routePatterns.myRequests, "layout");
    redirect(routes.family.documents(ctx.commune.slug, ctx.householdId, { sent: true }));
  },
);

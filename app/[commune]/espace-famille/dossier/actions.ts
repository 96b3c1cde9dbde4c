"use server";

import { revalidatePath } from "next/cache";
import { type FamilyContext, familyAction } from "@/lib/actions/action";
import { type ActionState, failure, fieldFailure, success } from "@/lib/actions/state";
import { RIB_FIELD, RIB_REQUIRED } from "@/lib/documents/family-messages";
import { chosenFiles, hasChosenFiles } from "@/lib/documents/form-files";
import type { PreparedDocument } from "@/lib/documents/prepared";
import { prepareUploadedDocument } from "@/lib/documents/upload";
import { NOT_IN_FILE, NOT_SUBSCRIBED, submitChangeMessage } from "@/lib/family-file/actions-messages";
import { removeAuthorizedAdultSchema, sectionChangeSchema, vaccinationsChangeSchema } from "@/lib/family-file/schemas";
import { fileSection } from "@/lib/family-file/schemas-sections";
import { newAuthorizedAdultId, submitChange } from "@/lib/requests/submit-change";
import type { FamilyFileChangeType } from "@/lib/requests/types";
import { routePatterns } from "@/lib/routes/paths";

/*
 * Dossier famille: every save is a change request (lib/requests/submit-change.ts), on a household the
 * account is subscribed to; the store checks the record belongs to that household. A change of bank details
 * comes with the RIB (its file field), which the request needs.
 */

async function requestChange(
  ctx: FamilyContext,
  change: {
    type: FamilyFileChangeType;
    targetId: string;
    proposed: Record<string, unknown>;
    /** The RIB of a change of bank details, checked; submitChange stores it with the request. */
    attachment?: PreparedDocument;
  },
): Promise<ActionState> {
  const result = await submitChange(ctx.db, {
    communeId: ctx.commune.id,
    householdId: ctx.householdId,
    userId: ctx.user.id,
    type: change.type,
    targetId: change.targetId,
    proposed: change.proposed,
    attachment: change.attachment,
  });
  if (!result.ok && result.reason === "document_required") return fieldFailure(RIB_FIELD, RIB_REQUIRED);
  if (!result.ok) return failure(NOT_IN_FILE);
  revalidatePath(routePatterns.familyFile, "layout");
  revalidatePath(routePatterns.myRequests, "layout");
  return success(submitChangeMessage(result));
}

const refusal = failure(NOT_SUBSCRIBED);

/** Saves one section of a responsable's or child's screen (or a personne habilitée) as a request. */
export const submitSectionChange = familyAction(
  { schema: sectionChangeSchema, householdOf: "householdId", refusal },
  async (input, ctx) => {
    const { section: sectionId, householdId: _householdId, targetId, [RIB_FIELD]: ribFiles, ...proposed } = input;
    const section = fileSection(sectionId);
    if (section.target === "household") {
      // The bank section: the RIB, when given, is checked here and answered at its field.
      let attachment: PreparedDocument | undefined;
      if (hasChosenFiles(ribFiles)) {
        const prepared = await prepareUploadedDocument(chosenFiles(ribFiles));
        if (!prepared.ok) return fieldFailure(RIB_FIELD, prepared.message);
        attachment = prepared.document;
      }
      return requestChange(ctx, { type: section.requestType, targetId: ctx.householdId, proposed, attachment });
    }
    if (section.requestType === "authorized_adult.add") {
      return requestChange(ctx, {
        type: section.requestType,
        targetId: newAuthorizedAdultId(),
        proposed: { ...proposed, childId: targetId },
      });
    }
    return requestChange(ctx, { type: section.requestType, targetId, proposed });
  },
);

/** "Modification des vaccins": the child's list as a whole. */
export const submitVaccinations = familyAction(
  { schema: vaccinationsChangeSchema, householdOf: "householdId", refusal },
  async (input, ctx) =>
    requestChange(ctx, {
      type: "vaccinations.update",
      targetId: input.targetId,
      proposed: { vaccinations: input.vaccinations },
    }),
);

/** "Supprimer" a personne habilitée: a removal request the town validates. */
export const removeAuthorizedAdult = familyAction(
  { schema: removeAuthorizedAdultSchema, householdOf: "householdId", refusal },
  async (input, ctx) =>
    requestChange(ctx, {
      type: "authorized_adult.remove",
      targetId: input.targetId,
      proposed: {},
    }),
);

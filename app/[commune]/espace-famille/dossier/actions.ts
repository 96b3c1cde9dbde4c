"use server";

import { revalidatePath } from "next/cache";
import { type FamilyContext, familyAction } from "@/lib/actions/action";
import { type ActionState, failure, success } from "@/lib/actions/state";
import { NOT_IN_FILE, NOT_SUBSCRIBED, submitChangeMessage } from "@/lib/family-file/actions-messages";
import { removeAuthorizedAdultSchema, sectionChangeSchema, vaccinationsChangeSchema } from "@/lib/family-file/schemas";
import { fileSection } from "@/lib/family-file/schemas-sections";
import { newAuthorizedAdultId, submitChange } from "@/lib/requests/submit-change";
import type { FamilyFileChangeType } from "@/lib/requests/types";
import { routePatterns } from "@/lib/routes/paths";

/*
 * Dossier famille: every save is a change request (lib/requests/submit-change.ts), on a household the
 * account is subscribed to; the store checks the record belongs to that household.
 */

async function requestChange(
  ctx: FamilyContext,
  change: { type: FamilyFileChangeType; targetId: string; proposed: Record<string, unknown> },
): Promise<ActionState> {
  const result = await submitChange(ctx.db, {
    communeId: ctx.commune.id,
    householdId: ctx.householdId,
    userId: ctx.user.id,
    type: change.type,
    targetId: change.targetId,
    proposed: change.proposed,
  });
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
    const { section: sectionId, householdId: _householdId, targetId, ...proposed } = input;
    const section = fileSection(sectionId);
    if (section.target === "household")
      return requestChange(ctx, { type: section.requestType, targetId: ctx.householdId, proposed });
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

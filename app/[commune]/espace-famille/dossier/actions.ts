"use server";

import { revalidatePath } from "next/cache";
import { type UserContext, userAction } from "@/lib/actions/action";
import { type ActionState, failure, success } from "@/lib/actions/state";
import { NOT_IN_FILE, NOT_SUBSCRIBED, submitChangeMessage } from "@/lib/family-file/actions-messages";
import { removeAuthorizedAdultSchema, sectionChangeSchema, vaccinationsChangeSchema } from "@/lib/family-file/schemas";
import { fileSection } from "@/lib/family-file/schemas-sections";
import { newAuthorizedAdultId, submitChange } from "@/lib/requests/submit-change";
import type { FamilyFileChangeType } from "@/lib/requests/types";
import { routePatterns } from "@/lib/routes/paths";
import { findSubscribedHousehold } from "@/lib/subscriptions/households";

/*
 * Dossier famille: every save is a change request (lib/requests/submit-change.ts), on a household the
 * account is subscribed to; the store checks the record belongs to that household.
 */

async function requestChange(
  ctx: UserContext,
  change: { householdId: string; type: FamilyFileChangeType; targetId: string; proposed: Record<string, unknown> },
): Promise<ActionState> {
  const household = await findSubscribedHousehold(ctx.db, {
    communeId: ctx.commune.id,
    userId: ctx.user.id,
    householdId: change.householdId,
  });
  if (!household) return failure(NOT_SUBSCRIBED);
  const result = await submitChange(ctx.db, {
    communeId: ctx.commune.id,
    householdId: household.id,
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

/** Saves one section of a responsable's or child's screen (or a personne habilitée) as a request. */
export const submitSectionChange = userAction(
  { schema: sectionChangeSchema, roles: ["family"] },
  async (input, ctx) => {
    const { section: sectionId, householdId, targetId, ...proposed } = input;
    const section = fileSection(sectionId);
    if (section.target === "household")
      return requestChange(ctx, { householdId, type: section.requestType, targetId: householdId, proposed });
    if (section.requestType === "authorized_adult.add") {
      return requestChange(ctx, {
        householdId,
        type: section.requestType,
        targetId: newAuthorizedAdultId(),
        proposed: { ...proposed, childId: targetId },
      });
    }
    return requestChange(ctx, { householdId, type: section.requestType, targetId, proposed });
  },
);

/** "Modification des vaccins": the child's list as a whole. */
export const submitVaccinations = userAction(
  { schema: vaccinationsChangeSchema, roles: ["family"] },
  async (input, ctx) =>
    requestChange(ctx, {
      householdId: input.householdId,
      type: "vaccinations.update",
      targetId: input.targetId,
      proposed: { vaccinations: input.vaccinations },
    }),
);

/** "Supprimer" a personne habilitée: a removal request the town validates. */
export const removeAuthorizedAdult = userAction(
  { schema: removeAuthorizedAdultSchema, roles: ["family"] },
  async (input, ctx) =>
    requestChange(ctx, {
      householdId: input.householdId,
      type: "authorized_adult.remove",
      targetId: input.targetId,
      proposed: {},
    }),
);

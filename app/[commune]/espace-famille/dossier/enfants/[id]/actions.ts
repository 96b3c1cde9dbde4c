"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { type FamilyContext, familyAction } from "@/lib/actions/action";
import { failure, fieldFailure, success } from "@/lib/actions/state";
import { NOT_IN_FILE } from "@/lib/family-file/actions-messages";
import { PHOTO_MAX_UPLOAD_BYTES, PHOTO_MESSAGES, preparePhoto } from "@/lib/family-file/photo-image";
import { deleteChildPhoto, findHouseholdChild, saveChildPhoto } from "@/lib/family-file/photo-store";
import { routePatterns } from "@/lib/routes/paths";

/*
 * "Photo de l'enfant": applied at once (no request for the town), audited. The child id is only a choice: it
 * must be a child of a household the account is subscribed to in this commune.
 */

const childIdSchema = z.uuid({ error: NOT_IN_FILE });

// The file is checked by the handler (content, size), to answer at the field with the right message.
const uploadSchema = z.object({ childId: childIdSchema, photo: z.unknown().optional() });
const deleteSchema = z.object({ childId: childIdSchema });

function revalidateChild() {
  revalidatePath(routePatterns.child, "page");
}

const ofChild = { householdOf: "childId", refusal: failure(NOT_IN_FILE) } as const;

const childOf = (ctx: FamilyContext, childId: string) =>
  findHouseholdChild(ctx.db, { communeId: ctx.commune.id, householdId: ctx.householdId, childId });

/** Replaces the child's photo with the uploaded image, resized and re-encoded. */
export const uploadChildPhoto = familyAction({ schema: uploadSchema, ...ofChild }, async (input, ctx) => {
  const child = await childOf(ctx, input.childId);
  if (!child) return ofChild.refusal;
  const file = input.photo;
  if (!(file instanceof Blob)) return fieldFailure("photo", PHOTO_MESSAGES.missing);
  // A form without a chosen file still posts an empty, nameless part.
  if (file.size === 0 && (!("name" in file) || !file.name)) return fieldFailure("photo", PHOTO_MESSAGES.missing);
  if (file.size > PHOTO_MAX_UPLOAD_BYTES) return fieldFailure("photo", PHOTO_MESSAGES.tooLarge);
  const checked = await preparePhoto(new Uint8Array(await file.arrayBuffer()));
  if (!checked.ok) return fieldFailure("photo", checked.message);
  await saveChildPhoto(ctx.db, { communeId: ctx.commune.id, userId: ctx.user.id, child, photo: checked });
  revalidateChild();
  return success(`La photo de ${child.firstName} a été enregistrée.`);
});

/** "Supprimer la photo". */
export const removeChildPhoto = familyAction({ schema: deleteSchema, ...ofChild }, async (input, ctx) => {
  const child = await childOf(ctx, input.childId);
  if (!child) return ofChild.refusal;
  await deleteChildPhoto(ctx.db, { communeId: ctx.commune.id, userId: ctx.user.id, child });
  revalidateChild();
  return success(`La photo de ${child.firstName} a été supprimée.`);
});

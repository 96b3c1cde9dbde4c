"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { userAction } from "@/lib/actions/action";
import { failure, fieldFailure, success } from "@/lib/actions/state";
import { staffRoles } from "@/lib/auth/session";
import { todayInParis } from "@/lib/clock";
import { type ReviewResult, refuseDocument, validateDocument, validateDocuments } from "@/lib/documents/review";
import {
  documentSettingsSchema,
  documentTypeSchema,
  refuseDocumentSchema,
  validateDocumentSchema,
  validateDocumentsSchema,
} from "@/lib/documents/schemas";
import { saveDocumentSettings, saveDocumentType } from "@/lib/documents/types";
import { formatDate } from "@/lib/format";
import { addDays, isIsoDay } from "@/lib/planning/days";
import { asksForDocuments } from "@/lib/requests/types";
import { routePatterns, routes } from "@/lib/routes/paths";

/*
 * The agents' review of the documents families hand in, and the commune's document settings. Checking a document
 * is every agent's work; the types the town asks for and how long it keeps the documents of a closed household are
 * the town's rules, changed by admins only (like the régies and natures of the billing settings). Every decision
 * and change is audited by the data functions.
 */

const adminOnly = ["admin"] as const;

/** The queue, the review pages, the request and household pages all show a document's state. */
const refreshDocuments = () => {
  revalidatePath(routePatterns.documentQueue, "layout");
  revalidatePath(routePatterns.agentRequest, "page");
  revalidatePath(routePatterns.household, "page");
};

const NOT_FOUND = "Ce document est introuvable.";
const ALREADY_REVIEWED = "Ce document a déjà été vérifié : rechargez la page pour voir la décision.";

function reviewFailure(result: Exclude<ReviewResult, { ok: true }>) {
  return failure(result.reason === "not_found" ? NOT_FOUND : ALREADY_REVIEWED);
}

/** The latest expiry an agent may set: ten years (the longest validity a type may have). */
const MAX_EXPIRY_DAYS = 3660;

/** "Valider": with the expiry date typed (prefilled from the type's validity), then back to the queue. */
export const validateDocumentAction = userAction(
  { schema: validateDocumentSchema, roles: staffRoles },
  async (input, { db, commune, user }) => {
    const today = todayInParis();
    const expiresOn = input.expiresOn ?? null;
    if (expiresOn !== null) {
      if (!isIsoDay(expiresOn)) return fieldFailure("expiresOn", "Saisissez une date d'expiration valide.");
      if (expiresOn < today)
        return fieldFailure(
          "expiresOn",
          "La date d'expiration ne peut pas être passée : laissez vide si la pièce n'expire pas.",
        );
      const latest = addDays(today, MAX_EXPIRY_DAYS);
      if (expiresOn > latest)
        return fieldFailure("expiresOn", `La date d'expiration ne peut pas dépasser le ${formatDate(latest)}.`);
    }
    const result = await validateDocument(db, {
      communeId: commune.id,
      agentUserId: user.id,
      documentId: input.documentId,
      expiresOn,
    });
    if (!result.ok) return reviewFailure(result);
    refreshDocuments();
    redirect(routes.agent.documentQueue(commune.slug, { decision: "validated" }));
  },
);

/** "Refuser": the reason is mailed to the family; then back to the queue. */
export const refuseDocumentAction = userAction(
  { schema: refuseDocumentSchema, roles: staffRoles },
  async (input, { db, commune, user }) => {
    const result = await refuseDocument(db, {
      communeId: commune.id,
      agentUserId: user.id,
      documentId: input.documentId,
      reason: input.reason,
    });
    if (!result.ok) return reviewFailure(result);
    refreshDocuments();
    redirect(routes.agent.documentQueue(commune.slug, { decision: "refused" }));
  },
);

/** "Valider la sélection" from the queue: each document with its type's default expiry. */
export const validateDocumentsAction = userAction(
  { schema: validateDocumentsSchema, roles: staffRoles },
  async (input, { db, commune, user }) => {
    const ids = [...new Set(input.documentIds)];
    const count = await validateDocuments(db, {
      communeId: commune.id,
      agentUserId: user.id,
      documentIds: ids,
      today: todayInParis(),
    });
    refreshDocuments();
    const done = count === 1 ? "1 document validé." : `${count} documents validés.`;
    if (count === ids.length) return success(done);
    const left = ids.length - count;
    return failure(
      `${done}\n${left === 1 ? "1 document n'était" : `${left} documents n'étaient`} plus à vérifier (déjà vérifié par un autre agent, remplacé ou introuvable).`,
    );
  },
);

/** "Ajouter le type de pièce" or "Enregistrer" one (admins). */
export const saveDocumentTypeAction = userAction(
  { schema: documentTypeSchema, roles: adminOnly },
  async (input, { db, commune, user }) => {
    const isRequest = input.audience === "request";
    if (isRequest && !asksForDocuments(input.requestType ?? ""))
      return fieldFailure("requestType", "Choisissez la demande qui réclame cette pièce.");
    const values = {
      ...input,
      requestType: isRequest ? input.requestType : undefined,
      description: input.description || undefined,
    };
    const result = await saveDocumentType(db, { communeId: commune.id, agentUserId: user.id, values });
    if (!result.ok)
      return result.reason === "duplicate"
        ? fieldFailure("label", `Un type de pièce s'appelle déjà « ${input.label} ».`)
        : failure("Ce type de pièce est introuvable.");
    revalidatePath(routePatterns.documentSettings, "page");
    return success(
      input.id
        ? `Le type de pièce « ${input.label} » a été enregistré.`
        : `Le type de pièce « ${input.label} » a été ajouté.`,
    );
  },
);

/** "Enregistrer la durée de conservation" (admins). */
export const saveDocumentSettingsAction = userAction(
  { schema: documentSettingsSchema, roles: adminOnly },
  async (input, { db, commune, user }) => {
    await saveDocumentSettings(db, { communeId: commune.id, agentUserId: user.id, values: input });
    revalidatePath(routePatterns.documentSettings, "page");
    return success(
      `Les pièces d'un dossier clôturé seront conservées ${input.retentionMonths} mois après sa clôture, puis supprimées.`,
    );
  },
);

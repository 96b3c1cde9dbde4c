import "server-only";
import { and, eq, inArray, sql } from "drizzle-orm";
import { createElement } from "react";
import type { Db } from "@/db/client";
import { bookings, children, communes, documents, documentTypes } from "@/db/schema";
import DocumentRefusedMail, { documentRefusedSubject } from "@/emails/document-refused-mail";
import { recordAudit } from "@/lib/audit/record";
import { mailCommune, mailCommuneColumns } from "@/lib/communes/mail-commune";
import { addressedTo, RECIPIENT_GREETING } from "@/lib/mail/recipient";
import { deliverPendingMail, enqueueRenderedMails, renderMail } from "@/lib/mail/send-mail";
import type { IsoDay } from "@/lib/planning/days";
import { routes } from "@/lib/routes/paths";
import { householdMailRecipients } from "@/lib/subscriptions/recipients";
import { absoluteUrl } from "@/lib/urls";
import { defaultExpiryDate } from "./rules";

export type ReviewResult = { ok: true } | { ok: false; reason: "not_found" | "already_reviewed" };

const ofCommune = (communeId: string, documentId: string) =>
  and(eq(documents.id, documentId), eq(documents.communeId, communeId));

/**
 * The days a reviewed certificate justifies are touched, so the billing's régularisation looks at their month again
 * (a validated certificate unbills an absence already invoiced).
 */
async function touchJustifiedDays(tx: Db, communeId: string, documentIds: readonly string[]): Promise<void> {
  if (documentIds.length === 0) return;
  await tx
    .update(bookings)
    .set({ updatedAt: sql`now()` })
    .where(and(eq(bookings.communeId, communeId), inArray(bookings.justificationDocumentId, [...documentIds])));
}

/** After a conditional UPDATE took no row: the document was decided by someone else, or is not of the commune. */
async function whyNotPending(db: Db, communeId: string, documentId: string): Promise<ReviewResult> {
  const [row] = await db.select({ id: documents.id }).from(documents).where(ofCommune(communeId, documentId));
  return { ok: false, reason: row ? "already_reviewed" : "not_found" };
}

/**
 * "Valider": a pending document of the commune becomes validated until expiresOn (null: no expiry), reviewer and
 * time recorded, audited; conditional on still being pending (two agents cannot both decide).
 */
export async function validateDocument(
  db: Db,
  params: { communeId: string; agentUserId: string; documentId: string; expiresOn: IsoDay | null },
): Promise<ReviewResult> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(documents)
      .set({
        state: "validated",
        expiresOn: params.expiresOn,
        reviewedByUserId: params.agentUserId,
        reviewedAt: sql`now()`,
        refusalReason: null,
        updatedAt: sql`now()`,
      })
      .where(and(ofCommune(params.communeId, params.documentId), eq(documents.state, "pending")))
      .returning({ id: documents.id, householdId: documents.householdId, typeId: documents.typeId });
    if (!row) return whyNotPending(tx, params.communeId, params.documentId);
    await touchJustifiedDays(tx, params.communeId, [row.id]);
    await recordAudit(tx, {
      communeId: params.communeId,
      actorUserId: params.agentUserId,
      action: "document.validated",
      targetType: "document",
      targetId: row.id,
      details: { householdId: row.householdId, typeId: row.typeId, expiresOn: params.expiresOn },
    });
    return { ok: true } as const;
  });
}

/**
 * "Refuser": the reason is stored, audited, and mailed to the household's subscribers (document-refused mail).
 * The mail is rendered before the transaction and written to the outbox inside it (refusal and mail commit
 * together); a first delivery is attempted after it, the maintenance job retries.
 */
export async function refuseDocument(
  db: Db,
  params: { communeId: string; agentUserId: string; documentId: string; reason: string },
): Promise<ReviewResult> {
  const reason = params.reason.trim();
  const [found] = await db
    .select({
      typeLabel: documentTypes.label,
      childFirstName: children.firstName,
      childLastName: children.lastName,
      commune: mailCommuneColumns,
    })
    .from(documents)
    .innerJoin(communes, eq(communes.id, documents.communeId))
    .innerJoin(
      documentTypes,
      and(eq(documentTypes.id, documents.typeId), eq(documentTypes.communeId, documents.communeId)),
    )
    .leftJoin(children, and(eq(children.id, documents.childId), eq(children.communeId, documents.communeId)))
    .where(ofCommune(params.communeId, params.documentId));
  if (!found) return { ok: false, reason: "not_found" };
  if (!reason) throw new Error("refuseDocument: a reason is required (the schema says so)");
  const subject = documentRefusedSubject(found.typeLabel);
  const mail = await renderMail(
    createElement(DocumentRefusedMail, {
      commune: mailCommune(found.commune),
      greetingName: RECIPIENT_GREETING,
      typeLabel: found.typeLabel,
      childName: found.childFirstName ? `${found.childFirstName} ${found.childLastName}` : null,
      reason,
      documentsUrl: absoluteUrl(routes.family.documents(found.commune.slug)),
    }),
  );
  let mailIds: string[] = [];
  const result = await db.transaction(async (tx): Promise<ReviewResult> => {
    const [row] = await tx
      .update(documents)
      .set({
        state: "refused",
        refusalReason: reason,
        expiresOn: null,
        reviewedByUserId: params.agentUserId,
        reviewedAt: sql`now()`,
        updatedAt: sql`now()`,
      })
      .where(and(ofCommune(params.communeId, params.documentId), eq(documents.state, "pending")))
      .returning({
        id: documents.id,
        householdId: documents.householdId,
        typeId: documents.typeId,
        uploadedByUserId: documents.uploadedByUserId,
      });
    if (!row) return whyNotPending(tx, params.communeId, params.documentId);
    await touchJustifiedDays(tx, params.communeId, [row.id]);
    await recordAudit(tx, {
      communeId: params.communeId,
      actorUserId: params.agentUserId,
      action: "document.refused",
      targetType: "document",
      targetId: row.id,
      details: { householdId: row.householdId, typeId: row.typeId, reason },
    });
    const recipients = await householdMailRecipients(tx, {
      communeId: params.communeId,
      householdId: row.householdId,
      accountUserId: row.uploadedByUserId,
    });
    mailIds = await enqueueRenderedMails(
      tx,
      recipients.map((recipient) => ({
        communeId: params.communeId,
        subject,
        template: "document-refused-mail",
        ...addressedTo(mail, recipient),
      })),
    );
    return { ok: true };
  });
  if (mailIds.length)
    await deliverPendingMail(db, { ids: mailIds }).catch((error) =>
      console.error(`refusal mails of document ${params.documentId} not attempted`, error),
    );
  return result;
}

/**
 * Validates the pending documents of `documentIds` (all of the commune's pending ones among them), each until its
 * type's default expiry from `today`; audited one by one. Takes the caller's transaction. Returns the ids validated.
 */
async function validatePending(
  tx: Db,
  params: { communeId: string; agentUserId: string; today: IsoDay; where: ReturnType<typeof and> },
): Promise<string[]> {
  const pending = await tx
    .select({
      id: documents.id,
      householdId: documents.householdId,
      typeId: documents.typeId,
      validityMonths: documentTypes.validityMonths,
    })
    .from(documents)
    .innerJoin(
      documentTypes,
      and(eq(documentTypes.id, documents.typeId), eq(documentTypes.communeId, documents.communeId)),
    )
    .where(and(eq(documents.communeId, params.communeId), eq(documents.state, "pending"), params.where));
  const done: string[] = [];
  for (const doc of pending) {
    const expiresOn = defaultExpiryDate(params.today, doc.validityMonths);
    const [row] = await tx
      .update(documents)
      .set({
        state: "validated",
        expiresOn,
        reviewedByUserId: params.agentUserId,
        reviewedAt: sql`now()`,
        refusalReason: null,
        updatedAt: sql`now()`,
      })
      .where(and(ofCommune(params.communeId, doc.id), eq(documents.state, "pending")))
      .returning({ id: documents.id });
    if (!row) continue;
    done.push(row.id);
    await touchJustifiedDays(tx, params.communeId, [row.id]);
    await recordAudit(tx, {
      communeId: params.communeId,
      actorUserId: params.agentUserId,
      action: "document.validated",
      targetType: "document",
      targetId: row.id,
      details: { householdId: doc.householdId, typeId: doc.typeId, expiresOn },
    });
  }
  return done;
}

/** "Valider la sélection": each pending one of the commune, with its type's default expiry from `today`; returns how many were validated. */
export async function validateDocuments(
  db: Db,
  params: { communeId: string; agentUserId: string; documentIds: readonly string[]; today: IsoDay },
): Promise<number> {
  if (params.documentIds.length === 0) return 0;
  const ids = [...new Set(params.documentIds)];
  const done = await db.transaction((tx) => validatePending(tx, { ...params, where: and(inArray(documents.id, ids)) }));
  return done.length;
}

/**
 * Accepting a request validates the documents handed in with it and still pending (the RIB of a bank-details
 * change: "validates both"), each until its type's default expiry. Runs in the decision's transaction.
 */
export async function validateRequestDocuments(
  tx: Db,
  params: { communeId: string; agentUserId: string; requestId: string; today: IsoDay },
): Promise<string[]> {
  return validatePending(tx, { ...params, where: and(eq(documents.requestId, params.requestId)) });
}

/**
 * Refusing a request refuses its pending documents with the request's reason (the family is told by the request's
 * own decision mail, not once more per document). Runs in the decision's transaction.
 */
export async function refuseRequestDocuments(
  tx: Db,
  params: { communeId: string; agentUserId: string; requestId: string; reason: string },
): Promise<string[]> {
  const rows = await tx
    .update(documents)
    .set({
      state: "refused",
      refusalReason: params.reason,
      reviewedByUserId: params.agentUserId,
      reviewedAt: sql`now()`,
      updatedAt: sql`now()`,
    })
    .where(
      and(
        eq(documents.communeId, params.communeId),
        eq(documents.requestId, params.requestId),
        eq(documents.state, "pending"),
      ),
    )
    .returning({ id: documents.id, householdId: documents.householdId, typeId: documents.typeId });
  await touchJustifiedDays(
    tx,
    params.communeId,
    rows.map((r) => r.id),
  );
  for (const row of rows)
    await recordAudit(tx, {
      communeId: params.communeId,
      actorUserId: params.agentUserId,
      action: "document.refused",
      targetType: "document",
      targetId: row.id,
      details: { householdId: row.householdId, typeId: row.typeId, reason: params.reason, requestId: params.requestId },
    });
  return rows.map((r) => r.id);
}

import "server-only";
import { and, asc, eq, exists, gte, inArray, isNotNull, isNull, lte, sql } from "drizzle-orm";
import { createElement } from "react";
import type { Db } from "@/db/client";
import {
  children,
  communes,
  documentSettings,
  documents,
  documentTypes,
  households,
  subscriptions,
  users,
} from "@/db/schema";
import DocumentExpiringMail, { documentExpiringSubject } from "@/emails/document-expiring-mail";
import { recordAudit } from "@/lib/audit/record";
import { mailCommune, mailCommuneColumns } from "@/lib/communes/mail-commune";
import { addressedTo, RECIPIENT_GREETING } from "@/lib/mail/recipient";
import { enqueueRenderedMails, renderMail } from "@/lib/mail/send-mail";
import { parisDay, parisTime } from "@/lib/planning/days";
import { routes } from "@/lib/routes/paths";
import { recipientsByHousehold } from "@/lib/subscriptions/recipients";
import { absoluteUrl } from "@/lib/urls";
import { addMonthsToDay } from "./rules";
import { documentStore } from "./storage";
import { DEFAULT_RETENTION_MONTHS } from "./types";

/*
 * The documents' two jobs, run by the maintenance job (lib/jobs/maintenance.ts) on every instance, idempotent and
 * safe to run concurrently:
 * - the expiry reminder: a validated document expiring within a month (lib/documents/rules.ts isExpiryReminderDue)
 *   is mailed to the household's accounts once, claimed by a conditional UPDATE (expiry_reminder_sent_at still
 *   null) in the transaction that writes its mails to the outbox; from 08:00 Paris, like the invoice reminders;
 * - the retention purge: the documents (rows and bytes) of households closed longer than their commune's
 *   retention, one household per transaction, with an audit row saying how many were deleted.
 */

/** Families are not mailed in the night. */
export const EXPIRY_REMINDER_FROM = "08:00";
/** Documents per transaction (reminders) and households per run (purge). */
const BATCH_SIZE = 200;

const activeSubscriber = and(
  eq(subscriptions.householdId, documents.householdId),
  eq(subscriptions.communeId, documents.communeId),
  eq(users.id, subscriptions.userId),
  eq(users.communeId, subscriptions.communeId),
  eq(users.status, "active"),
);

/** Mails each household whose validated document expires within a month, once per document; returns how many. */
export async function sendDocumentExpiryReminders(db: Db, params: { now: Date }): Promise<number> {
  if (parisTime(params.now) < EXPIRY_REMINDER_FROM) return 0;
  const today = parisDay(params.now);
  const until = addMonthsToDay(today, 1);
  let reminded = 0;
  for (;;) {
    const due = await db
      .select({
        id: documents.id,
        communeId: documents.communeId,
        householdId: documents.householdId,
        householdName: households.name,
        expiresOn: documents.expiresOn,
        typeLabel: documentTypes.label,
        childFirstName: children.firstName,
        childLastName: children.lastName,
        commune: mailCommuneColumns,
      })
      .from(documents)
      .innerJoin(communes, eq(communes.id, documents.communeId))
      .innerJoin(
        households,
        and(eq(households.id, documents.householdId), eq(households.communeId, documents.communeId)),
      )
      .innerJoin(
        documentTypes,
        and(eq(documentTypes.id, documents.typeId), eq(documentTypes.communeId, documents.communeId)),
      )
      .leftJoin(children, and(eq(children.id, documents.childId), eq(children.communeId, documents.communeId)))
      .where(
        and(
          eq(documents.state, "validated"),
          gte(documents.expiresOn, today),
          lte(documents.expiresOn, until),
          isNull(documents.expiryReminderSentAt),
          isNull(households.closedAt),
          // Only when someone can read it: a household without an account waits for one.
          exists(
            db
              .select({ one: sql`1` })
              .from(subscriptions)
              .innerJoin(users, eq(users.id, subscriptions.userId))
              .where(activeSubscriber),
          ),
        ),
      )
      .orderBy(asc(documents.expiresOn), asc(documents.id))
      .limit(BATCH_SIZE);
    if (due.length === 0) return reminded;

    const recipients = await recipientsByHousehold(
      db,
      due.map((d) => d.householdId!),
    );

    // Rendered before the transaction, never under its row locks.
    const rendered = await Promise.all(
      due.map(async (doc) => ({
        subject: documentExpiringSubject(doc.typeLabel, doc.expiresOn!),
        ...(await renderMail(
          createElement(DocumentExpiringMail, {
            commune: mailCommune(doc.commune),
            greetingName: RECIPIENT_GREETING,
            householdName: doc.householdName,
            typeLabel: doc.typeLabel,
            childName: doc.childFirstName ? `${doc.childFirstName} ${doc.childLastName}` : null,
            expiresOn: doc.expiresOn!,
            documentsUrl: absoluteUrl(routes.family.documents(doc.commune.slug)),
          }),
        )),
      })),
    );
    const claimed = await db.transaction(async (tx) => {
      const ours = await tx
        .update(documents)
        .set({ expiryReminderSentAt: params.now })
        .where(
          and(
            inArray(
              documents.id,
              due.map((d) => d.id),
            ),
            eq(documents.state, "validated"),
            isNull(documents.expiryReminderSentAt),
          ),
        )
        .returning({ id: documents.id });
      const claimedIds = new Set(ours.map((o) => o.id));
      await enqueueRenderedMails(
        tx,
        due.flatMap((doc, index) =>
          claimedIds.has(doc.id)
            ? (recipients.get(doc.householdId!) ?? []).map((recipient) => ({
                communeId: doc.communeId,
                template: "document-expiring-mail",
                ...addressedTo(rendered[index]!, recipient),
              }))
            : [],
        ),
      );
      return claimedIds.size;
    });
    reminded += claimed;
    // Another instance claimed this batch first: it goes on with the next ones; stop here.
    if (claimed === 0 || due.length < BATCH_SIZE) return reminded;
  }
}

/**
 * Deletes the documents (rows and bytes) of households closed longer than their commune's retention, and records
 * in the audit trail what it deleted (household, count); returns how many documents were deleted.
 * The household itself stays (its invoices, its history): only its documents go.
 */
export async function purgeClosedHouseholdDocuments(db: Db, params: { now: Date }): Promise<number> {
  const retention = sql`make_interval(months => coalesce(${documentSettings.retentionMonths}, ${DEFAULT_RETENTION_MONTHS}))`;
  const over = await db
    .select({ householdId: households.id, communeId: households.communeId, closedAt: households.closedAt })
    .from(households)
    .leftJoin(documentSettings, eq(documentSettings.communeId, households.communeId))
    .where(
      and(
        isNotNull(households.closedAt),
        sql`${households.closedAt} + ${retention} <= ${params.now.toISOString()}::timestamptz`,
        exists(
          db
            .select({ one: sql`1` })
            .from(documents)
            .where(and(eq(documents.householdId, households.id), eq(documents.communeId, households.communeId))),
        ),
      ),
    )
    .orderBy(asc(households.closedAt), asc(households.id))
    .limit(BATCH_SIZE);
  let deleted = 0;
  for (const household of over) {
    deleted += await db.transaction(async (tx) => {
      // Still closed (not reopened since the read above), locked so a reopening waits for the purge.
      const [still] = await tx
        .select({ closedAt: households.closedAt })
        .from(households)
        .where(
          and(
            eq(households.id, household.householdId),
            eq(households.communeId, household.communeId),
            eq(households.closedAt, household.closedAt!),
          ),
        )
        .for("update");
      if (!still) return 0;
      const rows = await tx
        .delete(documents)
        .where(and(eq(documents.householdId, household.householdId), eq(documents.communeId, household.communeId)))
        .returning({ id: documents.id, storageKey: documents.storageKey, typeId: documents.typeId });
      if (rows.length === 0) return 0;
      for (const row of rows) await documentStore.delete(tx, { communeId: household.communeId, key: row.storageKey });
      const byType: Record<string, number> = {};
      for (const row of rows) byType[row.typeId] = (byType[row.typeId] ?? 0) + 1;
      await recordAudit(tx, {
        communeId: household.communeId,
        actorUserId: null,
        action: "document.retention_deleted",
        targetType: "household",
        targetId: household.householdId,
        details: {
          householdId: household.householdId,
          closedAt: still.closedAt,
          count: rows.length,
          byType,
        },
      });
      return rows.length;
    });
  }
  return deleted;
}

import "server-only";
import { and, asc, eq, exists, gt, gte, inArray, isNull, lte, sql } from "drizzle-orm";
import { createElement } from "react";
import type { Db } from "@/db/client";
import { communes, households, invoices, regies, subscriptions, users } from "@/db/schema";
import InvoiceReminderMail, { invoiceReminderSubject } from "@/emails/invoice-reminder-mail";
import { currentTime } from "@/lib/clock";
import { mailCommune, mailCommuneColumns } from "@/lib/communes/mail-commune";
import { addressedTo, RECIPIENT_GREETING } from "@/lib/mail/recipient";
import { enqueueRenderedMails, renderMail } from "@/lib/mail/send-mail";
import { addDays, parisDay, parisTime } from "@/lib/planning/days";
import { routes } from "@/lib/routes/paths";
import { recipientsByHousehold } from "@/lib/subscriptions/recipients";
import { absoluteUrl } from "@/lib/urls";

/*
 * The due-date reminder: "Rappel : votre facture n° … arrive à échéance le …", mailed to the accounts subscribed to
 * the household, for an invoice with something still due within REMINDER_DAYS days (by the portal's clock) — never
 * for a direct debit, an invoice at the treasury or a cancelled one — and at most once per invoice.
 *
 * Run by the maintenance job (every minute, on every instance) from 08:00 Paris on: the day's reminders go out at
 * the first run after 08:00, and later runs find nothing left. Once: the invoice is claimed by a conditional UPDATE
 * (reminder_sent_at still null, still due) in the same transaction that writes its mails to the outbox, so of two
 * instances running it at once only the one whose UPDATE took the row mails; a payment recorded in between
 * leaves the invoice unclaimed. Mails are rendered before that transaction, never under its row locks.
 */

export const REMINDER_DAYS = 3;
/** Families are not mailed in the night: the day's reminders start at this Paris time. */
export const REMINDER_FROM = "08:00";
/** Invoices per transaction. */
const BATCH_SIZE = 200;

/** Still due here and by the family itself: a balance, no direct debit, not at the treasury, not cancelled. */
const stillDue = and(
  isNull(invoices.cancelledOn),
  isNull(invoices.treasuryOn),
  isNull(invoices.directDebitOn),
  gt(invoices.amountCents, invoices.paidCents),
);

export async function sendInvoiceReminders(db: Db, now = currentTime()): Promise<{ mails: number; invoices: number }> {
  const done = { mails: 0, invoices: 0 };
  if (parisTime(now) < REMINDER_FROM) return done;
  const today = parisDay(now);
  // Commune by commune, so each read walks the (commune, due day) index.
  const towns = await db.select({ id: communes.id }).from(communes).orderBy(asc(communes.id));
  for (const town of towns) {
    const sent = await remindCommune(db, {
      communeId: town.id,
      from: today,
      until: addDays(today, REMINDER_DAYS),
      now,
    });
    done.mails += sent.mails;
    done.invoices += sent.invoices;
  }
  return done;
}

const activeRecipient = (householdColumn: typeof invoices.householdId) =>
  and(
    eq(subscriptions.householdId, householdColumn),
    eq(users.id, subscriptions.userId),
    eq(users.communeId, subscriptions.communeId),
    eq(users.status, "active"),
  );

async function remindCommune(
  db: Db,
  p: { communeId: string; from: string; until: string; now: Date },
): Promise<{ mails: number; invoices: number }> {
  const due = await db
    .select({
      id: invoices.id,
      householdId: invoices.householdId,
      householdName: households.name,
      reference: invoices.reference,
      dueOn: invoices.dueOn,
      amountCents: invoices.amountCents,
      paidCents: invoices.paidCents,
      paymentInstructions: regies.paymentInstructions,
      commune: mailCommuneColumns,
    })
    .from(invoices)
    .innerJoin(communes, eq(communes.id, invoices.communeId))
    .innerJoin(households, and(eq(households.id, invoices.householdId), eq(households.communeId, invoices.communeId)))
    .leftJoin(regies, and(eq(regies.id, invoices.regieId), eq(regies.communeId, invoices.communeId)))
    .where(
      and(
        eq(invoices.communeId, p.communeId),
        gte(invoices.dueOn, p.from),
        lte(invoices.dueOn, p.until),
        isNull(invoices.reminderSentAt),
        stillDue,
        // Only when someone can read it: an invoice of a household without an account waits for one.
        exists(
          db
            .select({ one: sql`1` })
            .from(subscriptions)
            .innerJoin(users, eq(users.id, subscriptions.userId))
            .where(activeRecipient(invoices.householdId)),
        ),
      ),
    )
    .orderBy(asc(invoices.dueOn), asc(invoices.id));
  if (due.length === 0) return { mails: 0, invoices: 0 };

  const recipients = await recipientsByHousehold(
    db,
    due.map((d) => d.householdId),
  );

  let mails = 0;
  let reminded = 0;
  for (let i = 0; i < due.length; i += BATCH_SIZE) {
    const batch = due.slice(i, i + BATCH_SIZE);
    const rendered = await Promise.all(
      batch.map(async (invoice) => ({
        subject: invoiceReminderSubject(invoice.reference, invoice.dueOn),
        ...(await renderMail(
          createElement(InvoiceReminderMail, {
            commune: mailCommune(invoice.commune),
            greetingName: RECIPIENT_GREETING,
            householdName: invoice.householdName,
            reference: invoice.reference,
            dueOn: invoice.dueOn,
            amountCents: invoice.amountCents,
            balanceCents: invoice.amountCents - invoice.paidCents,
            paymentInstructions: invoice.paymentInstructions || null,
            invoiceUrl: absoluteUrl(routes.billingInvoice(invoice.commune.slug, invoice.id)),
          }),
        )),
      })),
    );
    const counts = await db.transaction(async (tx) => {
      const claimed = await tx
        .update(invoices)
        .set({ reminderSentAt: p.now })
        .where(
          and(
            eq(invoices.communeId, p.communeId),
            inArray(
              invoices.id,
              batch.map((invoice) => invoice.id),
            ),
            isNull(invoices.reminderSentAt),
            stillDue,
          ),
        )
        .returning({ id: invoices.id });
      const ours = new Set(claimed.map((c) => c.id));
      const batchMails = batch.flatMap((invoice, index) =>
        ours.has(invoice.id)
          ? (recipients.get(invoice.householdId) ?? []).map((recipient) => ({
              communeId: p.communeId,
              template: "invoice-reminder-mail",
              ...addressedTo(rendered[index]!, recipient),
            }))
          : [],
      );
      await enqueueRenderedMails(tx, batchMails);
      return { mails: batchMails.length, invoices: claimed.length };
    });
    mails += counts.mails;
    reminded += counts.invoices;
  }
  return { mails, invoices: reminded };
}

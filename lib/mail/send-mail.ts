import "server-only";
import { render, toPlainText } from "@react-email/render";
import { and, eq, inArray, lte, sql } from "drizzle-orm";
import type { ReactElement } from "react";
import type { Db } from "@/db/client";
import { mailOutbox } from "@/db/schema";
import { env } from "@/lib/env";
import { deliverBatchThroughResend, PROVIDER_BATCH_SIZE, type DeliveryResult } from "./provider";
import { MAX_MAIL_ATTEMPTS, retryDelayMs } from "./retry";

export type MailMessage = {
  communeId: string | null;
  to: string;
  subject: string;
  /** Template name, for the outbox and the logs (e.g. "activation"). */
  template: string;
  /** A React Email element from `emails/`. */
  body: ReactElement;
};

/** HTML and plain text of a template, rendered once (the text is derived from the HTML). */
export async function renderMail(body: ReactElement): Promise<{ html: string; text: string }> {
  const html = await render(body);
  return { html, text: toPlainText(html) };
}

export type RenderedMail = Omit<MailMessage, "body"> & { html: string; text: string };

/**
 * Writes already rendered mails to the outbox in one INSERT (inside the caller's transaction when given one),
 * so they are never lost. Without a provider they stay there with status `local`, readable on the local mailbox page.
 */
export async function enqueueRenderedMails(db: Db, mails: readonly RenderedMail[]): Promise<string[]> {
  if (mails.length === 0) return [];
  const status = env.RESEND_API_KEY ? ("pending" as const) : ("local" as const);
  const rows = await db
    .insert(mailOutbox)
    .values(mails.map(({ communeId, to, subject, template, html, text }) => ({ communeId, to, subject, template, html, text, status })))
    .returning({ id: mailOutbox.id });
  return rows.map((r) => r.id);
}

/** Renders and writes one mail to the outbox; see enqueueRenderedMails. */
export async function enqueueMail(db: Db, mail: MailMessage): Promise<string> {
  const { body, ...rest } = mail;
  const [id] = await enqueueRenderedMails(db, [{ ...rest, ...(await renderMail(body)) }]);
  return id!;
}

/** A run of the job stops claiming new batches after this long, leaving the rest to the next run. */
const DELIVERY_BUDGET_MS = 40_000;

/**
 * Attempts the due pending mails (or just `ids`), by batches of the provider's size, until none is due or the
 * time budget is spent. Each row is claimed by pushing its next attempt forward under SKIP LOCKED, so two
 * instances or two runs never send the same mail twice at once.
 */
export async function deliverPendingMail(db: Db, options: { ids?: string[]; now?: Date; budgetMs?: number } = {}): Promise<number> {
  if (!env.RESEND_API_KEY) return 0;
  const now = options.now ?? new Date();
  const started = Date.now();
  let attempted = 0;
  do {
    const claimed = await claimDueMails(db, now, options.ids);
    if (claimed.length === 0) break;
    attempted += claimed.length;
    const results = await deliverBatchThroughResend(claimed);
    for (const [i, mail] of claimed.entries()) await recordDelivery(db, mail, results[i]!, now);
  } while (!options.ids && Date.now() - started < (options.budgetMs ?? DELIVERY_BUDGET_MS));
  return attempted;
}

async function claimDueMails(db: Db, now: Date, ids: string[] | undefined) {
  const due = db
    .select({ id: mailOutbox.id })
    .from(mailOutbox)
    .where(and(eq(mailOutbox.status, "pending"), lte(mailOutbox.nextAttemptAt, now), ids ? inArray(mailOutbox.id, ids) : undefined))
    .orderBy(mailOutbox.nextAttemptAt)
    .limit(PROVIDER_BATCH_SIZE)
    .for("update", { skipLocked: true });
  return db
    .update(mailOutbox)
    .set({ attempts: sql`${mailOutbox.attempts} + 1`, nextAttemptAt: sql`${now.toISOString()}::timestamptz + interval '10 minutes'` })
    .where(inArray(mailOutbox.id, due))
    .returning();
}

async function recordDelivery(db: Db, mail: typeof mailOutbox.$inferSelect, result: DeliveryResult, now: Date) {
  if (result.ok) {
    await db.update(mailOutbox).set({ status: "sent", sentAt: new Date(), providerMessageId: result.providerMessageId, lastError: null }).where(eq(mailOutbox.id, mail.id));
    return;
  }
  const givingUp = mail.attempts >= MAX_MAIL_ATTEMPTS;
  await db
    .update(mailOutbox)
    .set({ status: givingUp ? "failed" : "pending", lastError: result.error.slice(0, 1000), nextAttemptAt: new Date(now.getTime() + retryDelayMs(mail.attempts)) })
    .where(eq(mailOutbox.id, mail.id));
  console.error(`mail ${mail.id} (${mail.template}) not delivered, attempt ${mail.attempts}: ${result.error}`);
}

/** The one way to send a mail: outbox first, then an immediate attempt; failures are retried by the job. */
export async function sendMail(db: Db, mail: MailMessage): Promise<void> {
  const id = await enqueueMail(db, mail);
  await deliverPendingMail(db, { ids: [id] });
}

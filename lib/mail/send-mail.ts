import "server-only";
import { createHash, randomInt } from "node:crypto";
import { plainTextSelectors } from "@react-email/render";
import { and, eq, inArray, lte, type SQL, sql } from "drizzle-orm";
import { compile } from "html-to-text";
import type { ReactElement } from "react";
import type { Db } from "@/db/client";
import { communes, mailOutbox } from "@/db/schema";
import { env } from "@/lib/env";
import { type DeliveryResult, deliverBatchThroughResend, PROVIDER_BATCH_SIZE } from "./provider";
import { MAX_MAIL_ATTEMPTS, retryDelayMs } from "./retry";
import { mailSender } from "./sender";

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
  // Loaded as React Email loads it: Next refuses a static import of react-dom/server in the server graph, meant
  // for pages, not for a mail's HTML.
  const { renderToStaticMarkup } = await import("react-dom/server");
  const html = XHTML_DOCTYPE + renderToStaticMarkup(body);
  return { html, text: mailText(html.replace(INLINE_STYLES, "")) };
}

/**
 * React Email's `render` streams the template (renderToReadableStream, for templates that suspend) and adds this
 * doctype. Ours never suspend: React's static render gives the same markup without the stream's comment markers,
 * five times faster (0.2 against 1.0 ms for the acknowledgement) — one registration-day booking renders one mail.
 * emails/templates.test.tsx compares both renders of every template.
 */
const XHTML_DOCTYPE =
  '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">';

/**
 * React Email's text conversion (`toPlainText`: html-to-text with its selectors, no wrapping), compiled once:
 * `toPlainText` compiles the same selectors again for every mail, a quarter of its time.
 */
const mailText = compile({ wordwrap: false, selectors: plainTextSelectors });

/**
 * The text part ignores styles, and the inline ones are most of a long table's markup: converting without them is
 * about twice as fast, with the same text (React escapes every quote inside attribute values and text).
 */
const INLINE_STYLES = / style="[^"]*"/g;

export type RenderedMail = Omit<MailMessage, "body"> & { html: string; text: string };

/**
 * Writes already rendered mails to the outbox in one INSERT (inside the caller's transaction when given one),
 * so they are never lost. Without a provider they stay there with status `local`, readable on the local mailbox page.
 */
export async function enqueueRenderedMails(db: Db, mails: readonly RenderedMail[]): Promise<string[]> {
  if (mails.length === 0) return [];
  const status = env.RESEND_API_KEY ? ("pending" as const) : ("local" as const);
  // Due at this server's instant, in milliseconds like the `now` deliveries compare it with: the database's
  // default (its own clock, in microseconds) could fall just after an immediate delivery's `now` and skip the mail.
  const nextAttemptAt = new Date();
  const rows = await db
    .insert(mailOutbox)
    .values(
      mails.map(({ communeId, to, subject, template, html, text }) => ({
        communeId,
        to,
        subject,
        template,
        html,
        text,
        status,
        nextAttemptAt,
      })),
    )
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
/** How long a claimed batch is left to its sender before it is due again (a crash mid-send). */
const CLAIM_LEASE_MS = 10 * 60_000;
/** Serialises claims and retry scheduling across instances (pg_advisory_xact_lock key). */
const OUTBOX_LOCK = 774412;

/*
 * Never mailed twice: a batch is sent with an idempotency key over its exact set of mails, and Resend answers
 * a repeated key (for 24 hours) without sending again. That only holds if a batch whose answer was lost is
 * retried with exactly the same mails, so once attempted, the mails of a batch stay together: they share a
 * next-attempt instant no other pending mail has, and a retry claims all the mails of that instant and only
 * them. Mails never attempted may be batched in any way. The retries span about 4 hours, inside the 24.
 */

/**
 * Attempts the due pending mails (or just `ids`), batch after batch, until none is due or the time budget
 * is spent. Each batch is claimed by moving its next attempt forward, so two instances never send it at once.
 */
export async function deliverPendingMail(
  db: Db,
  options: { ids?: string[]; now?: Date; budgetMs?: number } = {},
): Promise<number> {
  if (!env.RESEND_API_KEY) return 0;
  const now = options.now ?? new Date();
  const started = Date.now();
  let attempted = 0;
  do {
    const claimed = await claimBatch(db, now, options.ids);
    if (claimed.length === 0) break;
    attempted += claimed.length;
    const senders = await communeSenders(db, claimed);
    const outgoing = claimed.map((mail) => ({
      ...mail,
      from: mailSender(senders.get(mail.communeId) ?? null, env.MAIL_FROM),
    }));
    const results = await deliverBatchThroughResend(outgoing, batchIdempotencyKey(claimed.map((mail) => mail.id)));
    await recordDelivery(db, claimed, results, now);
  } while (!options.ids && Date.now() - started < (options.budgetMs ?? DELIVERY_BUDGET_MS));
  return attempted;
}

/** Each commune's sender name (its own, else its name) by id, for the mails of a batch. */
async function communeSenders(db: Db, mails: readonly OutboxRow[]): Promise<Map<string | null, string>> {
  const ids = [...new Set(mails.flatMap((mail) => (mail.communeId ? [mail.communeId] : [])))];
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: communes.id, name: sql<string>`coalesce(${communes.mailSenderName}, ${communes.name})` })
    .from(communes)
    .where(inArray(communes.id, ids));
  return new Map(rows.map((row) => [row.id, row.name]));
}

/** The same mails give the same key. */
export function batchIdempotencyKey(ids: readonly string[]): string {
  return `outbox-${createHash("sha256")
    .update([...ids].sort().join(","))
    .digest("hex")}`;
}

type OutboxRow = typeof mailOutbox.$inferSelect;

/** An instant no pending mail is due at, `delayMs` from now (with random microseconds), to name a batch. */
async function freshBatchInstant(tx: Db, now: Date, delayMs: number): Promise<SQL> {
  for (;;) {
    const instant = sql`(${new Date(now.getTime() + delayMs).toISOString()}::timestamptz + ${randomInt(1_000_000)} * interval '1 microsecond')`;
    const [taken] = await tx
      .select({ id: mailOutbox.id })
      .from(mailOutbox)
      .where(eq(mailOutbox.nextAttemptAt, instant))
      .limit(1);
    if (!taken) return instant;
  }
}

/** The next batch: the mails of the earliest due retry, or due mails never attempted; moved to a fresh instant. */
async function claimBatch(db: Db, now: Date, ids: string[] | undefined): Promise<OutboxRow[]> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${OUTBOX_LOCK})`);
    const due = and(
      eq(mailOutbox.status, "pending"),
      lte(mailOutbox.nextAttemptAt, now),
      ids ? inArray(mailOutbox.id, ids) : undefined,
    );
    const [first] = await tx
      .select({ attempts: mailOutbox.attempts, at: sql<string>`${mailOutbox.nextAttemptAt}::text` })
      .from(mailOutbox)
      .where(due)
      .orderBy(mailOutbox.nextAttemptAt)
      .limit(1);
    if (!first) return [];
    const batch = tx
      .select({ id: mailOutbox.id })
      .from(mailOutbox)
      .where(
        and(
          due,
          first.attempts > 0 ? eq(mailOutbox.nextAttemptAt, sql`${first.at}::timestamptz`) : eq(mailOutbox.attempts, 0),
        ),
      )
      .orderBy(mailOutbox.nextAttemptAt, mailOutbox.id)
      .limit(PROVIDER_BATCH_SIZE);
    const lease = await freshBatchInstant(tx, now, CLAIM_LEASE_MS);
    const claimed = await tx
      .update(mailOutbox)
      .set({ attempts: sql`${mailOutbox.attempts} + 1`, nextAttemptAt: lease })
      .where(inArray(mailOutbox.id, batch))
      .returning();
    // In a fixed order: a retry must send the very same request, or Resend refuses its repeated key.
    return claimed.sort((a, b) => a.id.localeCompare(b.id));
  });
}

/** Sent mails are marked sent; the others of the batch keep together for their retry (or give up together). */
async function recordDelivery(db: Db, batch: readonly OutboxRow[], results: readonly DeliveryResult[], now: Date) {
  const failed = batch.flatMap((mail, i) => {
    const result = results[i]!;
    return result.ok ? [] : [{ mail, error: result.error }];
  });
  for (const [i, mail] of batch.entries()) {
    const result = results[i]!;
    if (result.ok)
      await db
        .update(mailOutbox)
        .set({ status: "sent", sentAt: new Date(), providerMessageId: result.providerMessageId, lastError: null })
        .where(eq(mailOutbox.id, mail.id));
  }
  if (failed.length === 0) return;
  // The mails of a batch were always attempted together, so they have had the same number of attempts.
  const attempts = Math.max(...failed.map((f) => f.mail.attempts));
  const givingUp = attempts >= MAX_MAIL_ATTEMPTS;
  const error = failed[0]!.error;
  await db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${OUTBOX_LOCK})`);
    await tx
      .update(mailOutbox)
      .set({
        status: givingUp ? "failed" : "pending",
        lastError: error.slice(0, 1000),
        nextAttemptAt: await freshBatchInstant(tx, now, retryDelayMs(attempts)),
      })
      .where(
        inArray(
          mailOutbox.id,
          failed.map((f) => f.mail.id),
        ),
      );
  });
  console.error(
    `mails ${failed.map((f) => `${f.mail.id} (${f.mail.template})`).join(", ")} not delivered, attempt ${attempts}: ${error}`,
  );
}

/** The one way to send a mail: outbox first, then an immediate attempt; failures are retried by the job. */
export async function sendMail(db: Db, mail: MailMessage): Promise<void> {
  const id = await enqueueMail(db, mail);
  await deliverPendingMail(db, { ids: [id] });
}

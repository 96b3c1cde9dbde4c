import "server-only";
import { render } from "@react-email/render";
import { and, eq, inArray, lte, sql } from "drizzle-orm";
import type { ReactElement } from "react";
import type { Db } from "@/db/client";
import { mailOutbox } from "@/db/schema";
import { env } from "@/lib/env";
import { deliverThroughResend } from "./provider";
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

/**
 * Writes the mail to the outbox (inside the caller's transaction when given one), so it is never lost.
 * Without a provider it stays there with status `local`, readable on the local mailbox page.
 */
export async function enqueueMail(db: Db, mail: MailMessage): Promise<string> {
  const [html, text] = await Promise.all([render(mail.body), render(mail.body, { plainText: true })]);
  const [row] = await db
    .insert(mailOutbox)
    .values({
      communeId: mail.communeId,
      to: mail.to,
      subject: mail.subject,
      template: mail.template,
      html,
      text,
      status: env.RESEND_API_KEY ? "pending" : "local",
    })
    .returning({ id: mailOutbox.id });
  return row!.id;
}

/**
 * Attempts the due pending mails (or just `ids`). Each row is claimed by pushing its next attempt forward
 * under SKIP LOCKED, so two instances or two runs never send the same mail twice at once.
 */
export async function deliverPendingMail(db: Db, options: { ids?: string[]; limit?: number; now?: Date } = {}): Promise<number> {
  if (!env.RESEND_API_KEY) return 0;
  const now = options.now ?? new Date();
  const due = db
    .select({ id: mailOutbox.id })
    .from(mailOutbox)
    .where(and(eq(mailOutbox.status, "pending"), lte(mailOutbox.nextAttemptAt, now), options.ids ? inArray(mailOutbox.id, options.ids) : undefined))
    .orderBy(mailOutbox.nextAttemptAt)
    .limit(options.limit ?? 50)
    .for("update", { skipLocked: true });
  const claimed = await db
    .update(mailOutbox)
    .set({ attempts: sql`${mailOutbox.attempts} + 1`, nextAttemptAt: sql`${now.toISOString()}::timestamptz + interval '10 minutes'` })
    .where(inArray(mailOutbox.id, due))
    .returning();

  for (const mail of claimed) {
    const result = await deliverThroughResend(mail);
    if (result.ok) {
      await db.update(mailOutbox).set({ status: "sent", sentAt: new Date(), providerMessageId: result.providerMessageId, lastError: null }).where(eq(mailOutbox.id, mail.id));
    } else {
      const givingUp = mail.attempts >= MAX_MAIL_ATTEMPTS;
      await db
        .update(mailOutbox)
        .set({
          status: givingUp ? "failed" : "pending",
          lastError: result.error.slice(0, 1000),
          nextAttemptAt: new Date(now.getTime() + retryDelayMs(mail.attempts)),
        })
        .where(eq(mailOutbox.id, mail.id));
      console.error(`mail ${mail.id} (${mail.template}) not delivered, attempt ${mail.attempts}: ${result.error}`);
    }
  }
  return claimed.length;
}

/** The one way to send a mail: outbox first, then an immediate attempt; failures are retried by the job. */
export async function sendMail(db: Db, mail: MailMessage): Promise<void> {
  const id = await enqueueMail(db, mail);
  await deliverPendingMail(db, { ids: [id] });
}

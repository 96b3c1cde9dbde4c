import "server-only";
import { and, eq } from "drizzle-orm";
import { createElement } from "react";
import type { Db } from "@/db/client";
import { subscriptions, users, type Commune, type RequestRow } from "@/db/schema";
import RequestDecisionMail, { requestDecisionSentence } from "@/emails/request-decision-mail";
import { sendMail } from "@/lib/mail/send-mail";
import { requestTypeLabel } from "@/lib/requests/types";
import { absoluteUrl } from "@/lib/urls";

/** The e-mails of the accounts subscribed to the household (active ones, of this commune). */
async function householdAccountEmails(db: Db, communeId: string, householdId: string): Promise<string[]> {
  const rows = await db
    .select({ email: users.email })
    .from(subscriptions)
    .innerJoin(users, and(eq(users.id, subscriptions.userId), eq(users.communeId, subscriptions.communeId)))
    .where(and(eq(subscriptions.communeId, communeId), eq(subscriptions.householdId, householdId), eq(users.status, "active")));
  return [...new Set(rows.map((row) => row.email))];
}

/** Who hears of a decision: the household's accounts, or — a new family the town refused has none — the account that asked. */
async function recipientEmails(db: Db, communeId: string, request: RequestRow): Promise<string[]> {
  if (request.householdId) return householdAccountEmails(db, communeId, request.householdId);
  if (!request.createdByUserId) return [];
  const [requester] = await db
    .select({ email: users.email })
    .from(users)
    .where(and(eq(users.id, request.createdByUserId), eq(users.communeId, communeId), eq(users.status, "active")));
  return requester ? [requester.email] : [];
}

/**
 * The accusé de traitement of one decided request, to each account concerned. Call it once the decision
 * has committed: the mail goes through the outbox, so a delivery failure is retried, never lost.
 */
export async function sendRequestDecisionMail(db: Db, commune: Commune, request: RequestRow): Promise<number> {
  if (request.status !== "accepted" && request.status !== "refused") return 0;
  const typeLabel = requestTypeLabel(request.type);
  const body = createElement(RequestDecisionMail, {
    commune,
    reference: request.reference,
    typeLabel,
    subject: request.subject,
    decision: request.status,
    message: request.decisionMessage,
    // Without a household (a refused pre-registration) the request is followed on the pre-registration page.
    requestUrl: request.householdId
      ? absoluteUrl(commune.slug, `/mon-espace-citoyen/mes-demandes/${request.id}`)
      : absoluteUrl(commune.slug, "/espace-famille/pre-inscription"),
  });
  const recipients = await recipientEmails(db, commune.id, request);
  for (const to of recipients) {
    await sendMail(db, {
      communeId: commune.id,
      to,
      subject: requestDecisionSentence(request.reference, typeLabel, request.status),
      template: "request-decision",
      body,
    });
  }
  return recipients.length;
}

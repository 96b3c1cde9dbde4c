import "server-only";
import { and, eq } from "drizzle-orm";
import { createElement } from "react";
import type { Db } from "@/db/client";
import { type Commune, type RequestRow, subscriptions, users } from "@/db/schema";
import RequestDecisionMail, { type RequestDecision, requestDecisionSentence } from "@/emails/request-decision-mail";
import { routes } from "@/lib/routes/paths";
import { absoluteUrl } from "@/lib/urls";
import { requestTypeLabel } from "./types";

/*
 * The accusé de traitement of a family-file request: rendered before the decision's transaction, written to
 * the outbox inside it (decision and mail commit together or not at all). Booking requests have none: their
 * decisions go in the 13:00 / 18:00 digest only.
 */

export type DecisionMailProps = {
  commune: Pick<Commune, "name" | "serviceSignature" | "slug">;
  request: Pick<RequestRow, "id" | "reference" | "type" | "subject">;
  decision: RequestDecision;
  message: string | null;
  /** False for a refused pre-registration: no household, so it is followed on the pre-registration page. */
  hasHousehold: boolean;
};

export const decisionMailSubject = (p: DecisionMailProps) =>
  requestDecisionSentence(p.request.reference, requestTypeLabel(p.request.type), p.decision);

export function decisionMailBody(p: DecisionMailProps) {
  return createElement(RequestDecisionMail, {
    commune: p.commune,
    reference: p.request.reference,
    typeLabel: requestTypeLabel(p.request.type),
    subject: p.request.subject,
    decision: p.decision,
    message: p.message,
    requestUrl: p.hasHousehold
      ? absoluteUrl(routes.citizen.request(p.commune.slug, p.request.id))
      : absoluteUrl(routes.family.preRegistration(p.commune.slug)),
  });
}

/** Who hears of a decision: the household's active accounts, or — a new family the town refused has none — the account that asked. */
export async function decisionMailRecipients(
  tx: Db,
  communeId: string,
  request: Pick<RequestRow, "householdId" | "createdByUserId">,
): Promise<string[]> {
  if (request.householdId) {
    const rows = await tx
      .select({ email: users.email })
      .from(subscriptions)
      .innerJoin(users, and(eq(users.id, subscriptions.userId), eq(users.communeId, subscriptions.communeId)))
      .where(
        and(
          eq(subscriptions.communeId, communeId),
          eq(subscriptions.householdId, request.householdId),
          eq(users.status, "active"),
        ),
      );
    return [...new Set(rows.map((row) => row.email))];
  }
  if (!request.createdByUserId) return [];
  const [requester] = await tx
    .select({ email: users.email })
    .from(users)
    .where(and(eq(users.id, request.createdByUserId), eq(users.communeId, communeId), eq(users.status, "active")));
  return requester ? [requester.email] : [];
}

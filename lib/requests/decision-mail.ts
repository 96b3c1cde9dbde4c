import "server-only";
import { createElement } from "react";
import type { RequestRow } from "@/db/schema";
import RequestDecisionMail, { type RequestDecision, requestDecisionSentence } from "@/emails/request-decision-mail";
import { type MailCommuneRow, mailCommune } from "@/lib/communes/mail-commune";
import { RECIPIENT_GREETING } from "@/lib/mail/recipient";
import { routes } from "@/lib/routes/paths";
import { absoluteUrl } from "@/lib/urls";
import { requestTypeLabel } from "./types";

/*
 * The accusé de traitement of a family-file request: rendered before the decision's transaction, written to
 * the outbox inside it (decision and mail commit together or not at all). Booking requests have none: their
 * decisions go in the 13:00 / 18:00 digest only.
 */

export type DecisionMailProps = {
  commune: MailCommuneRow;
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
    commune: mailCommune(p.commune),
    // One render for the household's accounts, each greeted by name (lib/mail/recipient.ts).
    greetingName: RECIPIENT_GREETING,
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

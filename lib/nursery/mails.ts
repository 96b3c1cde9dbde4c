import "server-only";
import { createElement } from "react";
import type { Db } from "@/db/client";
import type { NurseryScheduleDay } from "@/db/schema";
import NurseryApplicationMail, { type NurseryMailEvent, nurseryMailSubject } from "@/emails/nursery-application-mail";
import { type MailCommuneRow, mailCommune } from "@/lib/communes/mail-commune";
import { formatDate } from "@/lib/format";
import { addressedTo, RECIPIENT_GREETING } from "@/lib/mail/recipient";
import { deliverPendingMail, enqueueRenderedMails, renderMail } from "@/lib/mail/send-mail";
import type { IsoDay } from "@/lib/planning/days";
import { routes } from "@/lib/routes/paths";
import { householdMailRecipients } from "@/lib/subscriptions/recipients";
import { absoluteUrl } from "@/lib/urls";
import { describeWeeklySchedule } from "./labels";

/*
 * The family's mails about an application: rendered before the transaction (never under its locks), written to
 * the outbox inside it for every account of the household, delivered after the commit.
 */

export type { NurseryMailEvent };

export type NurseryMailFacts = {
  applicationId: string;
  reference: string;
  /** "Léa MARTIN", or "l'enfant à naître (naissance prévue le 02/05/2027)": see nurseryChildName. */
  childName: string;
  /** Offered or accepted place, or the one that expired. */
  structureName?: string | null;
  startOn?: IsoDay | null;
  schedule?: readonly NurseryScheduleDay[] | null;
  /** Offered: the last day to answer; confirmation reminder: the due day. */
  deadline?: IsoDay | null;
  waitingRank?: number | null;
  reason?: string | null;
};

export type RenderedNurseryMail = { subject: string; html: string; text: string };

/** How mails and lists name the child of an application. */
export function nurseryChildName(child: {
  firstName: string | null;
  lastName: string | null;
  expectedBirthOn: IsoDay | null;
  born: boolean;
}): string {
  if (child.born) return `${child.firstName ?? ""} ${child.lastName ?? ""}`.trim();
  const name = child.firstName ? `${child.firstName} ${child.lastName ?? ""}`.trim() : "l'enfant à naître";
  return `${name} (naissance prévue le ${formatDate(child.expectedBirthOn ?? "")})`;
}

export async function renderNurseryMail(
  commune: MailCommuneRow,
  event: NurseryMailEvent,
  facts: NurseryMailFacts,
): Promise<RenderedNurseryMail> {
  const place = facts.structureName
    ? `${facts.structureName}${facts.startOn ? ` à partir du ${formatDate(facts.startOn)}` : ""}`
    : null;
  const rendered = await renderMail(
    createElement(NurseryApplicationMail, {
      commune: mailCommune(commune),
      // One render for the household's accounts, each greeted by name.
      greetingName: RECIPIENT_GREETING,
      event,
      reference: facts.reference,
      childName: facts.childName,
      place,
      schedule: facts.schedule?.length ? describeWeeklySchedule(facts.schedule) : null,
      deadline: facts.deadline ? formatDate(facts.deadline) : null,
      waitingRank: facts.waitingRank ?? null,
      reason: facts.reason ?? null,
      applicationUrl: absoluteUrl(routes.family.nurseryApplication(commune.slug, facts.applicationId)),
    }),
  );
  return { subject: nurseryMailSubject(event, facts.reference), ...rendered };
}

/** Inside the caller's transaction: the mail to every active account of the household. Returns the outbox ids. */
export async function enqueueNurseryMail(
  tx: Db,
  params: { communeId: string; householdId: string; mail: RenderedNurseryMail },
): Promise<string[]> {
  const recipients = await householdMailRecipients(tx, {
    communeId: params.communeId,
    householdId: params.householdId,
    accountUserId: null,
  });
  return enqueueRenderedMails(
    tx,
    recipients.map((recipient) => ({
      communeId: params.communeId,
      template: "nursery-application-mail",
      ...addressedTo(params.mail, recipient),
    })),
  );
}

/** After the commit: tries the mails at once; a failure is left to the outbox's retries. */
export async function deliverNurseryMails(db: Db, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  await deliverPendingMail(db, { ids: [...ids] }).catch((error: unknown) =>
    console.error("nursery mails not attempted", error),
  );
}

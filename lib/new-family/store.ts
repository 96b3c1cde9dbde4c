import "server-only";
import { randomUUID } from "node:crypto";
import { and, desc, eq, isNull, ne, sql } from "drizzle-orm";
import { createElement } from "react";
import type { Db } from "@/db/client";
import {
  documents,
  newFamilyDrafts,
  type RequestStatus,
  requestCounters,
  requestEvents,
  requests,
  subscriptions,
} from "@/db/schema";
import NewFamilyAcknowledgement, {
  type NewFamilyAcknowledgementProps,
  type NewFamilyMailChild,
} from "@/emails/new-family-acknowledgement";
import { acknowledgementRecipient, acknowledgementSubject } from "@/lib/bookings/mails";
import { currentTime } from "@/lib/clock";
import { isUniqueViolation } from "@/lib/database/errors";
import { StaleMailError, transactionWithRenderedMail } from "@/lib/mail/prerendered";
import { enqueueRenderedMails } from "@/lib/mail/send-mail";
import { allocateRequestReference } from "@/lib/requests/records";
import { formatRequestReference, referenceYear } from "@/lib/requests/reference";
import { routes } from "@/lib/routes/paths";
import { absoluteUrl } from "@/lib/urls";
import { maskIban } from "@/lib/validation/iban";
import { type NewFamilyDraftData, type NewFamilyPayload, nextStep, WISHED_SERVICES } from "./schemas";

/*
 * The new-family pre-registration: a draft per account (new_family_drafts) while the wizard is filled in, then a
 * pending "household.create" request. Every function is scoped by commune AND the signed-in account: another
 * account's draft or request is never read nor changed.
 */

export type AccountScope = { communeId: string; userId: string };

const PRE_REGISTRATION = "household.create";

export async function hasSubscription(db: Db, scope: AccountScope): Promise<boolean> {
  const [row] = await db
    .select({ id: subscriptions.id })
    .from(subscriptions)
    .where(and(eq(subscriptions.communeId, scope.communeId), eq(subscriptions.userId, scope.userId)))
    .limit(1);
  return Boolean(row);
}

export async function loadDraft(db: Db, scope: AccountScope): Promise<NewFamilyDraftData> {
  const [row] = await db
    .select({ data: newFamilyDrafts.data })
    .from(newFamilyDrafts)
    .where(and(eq(newFamilyDrafts.userId, scope.userId), eq(newFamilyDrafts.communeId, scope.communeId)));
  return (row?.data ?? {}) as NewFamilyDraftData;
}

/** Saves one validated step over the draft (creating it). Changing the children resets their wishes. */
export async function saveDraftStep(
  db: Db,
  scope: AccountScope,
  step: Partial<NewFamilyDraftData>,
): Promise<NewFamilyDraftData> {
  return db.transaction(async (tx) => {
    const [current] = await tx
      .select({ data: newFamilyDrafts.data })
      .from(newFamilyDrafts)
      .where(and(eq(newFamilyDrafts.userId, scope.userId), eq(newFamilyDrafts.communeId, scope.communeId)))
      .for("update");
    const data: NewFamilyDraftData = { ...((current?.data ?? {}) as NewFamilyDraftData), ...step };
    if (step.family && data.wishes) {
      // Wishes are per child position: keep them only while the children stay the same count.
      if (data.wishes.length !== step.family.children.length) delete data.wishes;
    }
    if (
      step.family &&
      data.finance &&
      !step.family.guardian2 &&
      (data.finance.payer === 2 || data.finance.allocataire === 2)
    ) {
      delete data.finance; // responsable 2 removed: payer / allocataire to choose again
    }
    await tx
      .insert(newFamilyDrafts)
      .values({ userId: scope.userId, communeId: scope.communeId, data: data as Record<string, unknown> })
      .onConflictDoUpdate({
        target: newFamilyDrafts.userId,
        set: { data: data as Record<string, unknown>, updatedAt: sql`now()` },
        setWhere: eq(newFamilyDrafts.communeId, scope.communeId),
      });
    return data;
  });
}

export interface PreRegistrationSummary {
  id: string;
  reference: string;
  status: RequestStatus;
  createdAt: Date;
  decidedAt: Date | null;
  decisionMessage: string | null;
}

/** The account's latest sent pre-registration (pending, or the last decided one), if any. */
export async function latestPreRegistration(db: Db, scope: AccountScope): Promise<PreRegistrationSummary | null> {
  const [row] = await db
    .select({
      id: requests.id,
      reference: requests.reference,
      status: requests.status,
      createdAt: requests.createdAt,
      decidedAt: requests.decidedAt,
      decisionMessage: requests.decisionMessage,
    })
    .from(requests)
    .where(
      and(
        eq(requests.communeId, scope.communeId),
        eq(requests.createdByUserId, scope.userId),
        eq(requests.type, PRE_REGISTRATION),
      ),
    )
    .orderBy(desc(requests.createdAt))
    .limit(1);
  return row ?? null;
}

export type SubmitPreRegistrationResult =
  | { ok: true; reference: string; requestId: string; mailIds: string[] }
  | { ok: false; reason: "incomplete" | "already_pending" | "subscribed" };

/** The children and their wished services, as the acknowledgement lists them. */
function mailChildren(data: NewFamilyDraftData): NewFamilyMailChild[] {
  return (data.family?.children ?? []).map((child, index) => ({
    name: `${child.firstName} ${child.lastName.toLocaleUpperCase("fr-FR")}`,
    services: (data.wishes?.[index] ?? []).map((service) => WISHED_SERVICES[service]),
  }));
}

/** The reference the next request of the commune should get, read without a lock: checked under it. */
async function expectedReference(db: Db, communeId: string, at: Date): Promise<string> {
  const year = referenceYear(at);
  const [row] = await db
    .select({ lastValue: requestCounters.lastValue })
    .from(requestCounters)
    .where(and(eq(requestCounters.communeId, communeId), eq(requestCounters.year, year)));
  return formatRequestReference(year, (row?.lastValue ?? 0) + 1);
}

/**
 * "Envoyer ma demande": the complete draft becomes a pending "household.create" request with its reference, the
 * draft is deleted and the accusé d'enregistrement goes to the outbox, in one transaction. The mail is rendered
 * before it from the draft and the expected reference; another request taking that number meanwhile renders it
 * again. One pending pre-registration per account (partial unique index).
 */
export async function submitPreRegistration(db: Db, scope: AccountScope): Promise<SubmitPreRegistrationResult> {
  if (await hasSubscription(db, scope)) return { ok: false, reason: "subscribed" };
  const requestedAt = currentTime();
  const recipient = await acknowledgementRecipient(db, scope);
  const mailProps: NewFamilyAcknowledgementProps | null = recipient && {
    commune: recipient.commune,
    greetingName: recipient.greetingName,
    reference: await expectedReference(db, scope.communeId, requestedAt),
    requestedAt,
    children: mailChildren(await loadDraft(db, scope)),
    myRequestsUrl: absoluteUrl(routes.citizen.requests(recipient.commune.slug)),
  };
  try {
    return await transactionWithRenderedMail(
      db,
      mailProps,
      (props) => (props ? createElement(NewFamilyAcknowledgement, props) : null),
      async (tx, mail, props): Promise<SubmitPreRegistrationResult> => {
        const mine = and(eq(newFamilyDrafts.userId, scope.userId), eq(newFamilyDrafts.communeId, scope.communeId));
        const [draft] = await tx.select({ data: newFamilyDrafts.data }).from(newFamilyDrafts).where(mine).for("update");
        const data = (draft?.data ?? {}) as NewFamilyDraftData;
        if (nextStep(data) !== "confirmation" || !data.family || !data.finance || !data.wishes)
          return { ok: false, reason: "incomplete" };
        const [pending] = await tx
          .select({ id: requests.id })
          .from(requests)
          .where(
            and(
              eq(requests.communeId, scope.communeId),
              eq(requests.createdByUserId, scope.userId),
              eq(requests.type, PRE_REGISTRATION),
              eq(requests.status, "pending"),
            ),
          );
        if (pending) return { ok: false, reason: "already_pending" };

        const { iban, ...finance } = data.finance;
        const payload: NewFamilyPayload = { family: data.family, finance, iban, wishes: data.wishes };
        const g1 = data.family.guardian1;
        const reference = await allocateRequestReference(tx, scope.communeId);
        if (props) {
          const fresh = { ...props, reference, children: mailChildren(data) };
          if (JSON.stringify(fresh) !== JSON.stringify(props)) throw new StaleMailError(fresh);
        }
        const [row] = await tx
          .insert(requests)
          .values({
            communeId: scope.communeId,
            householdId: null,
            createdByUserId: scope.userId,
            type: PRE_REGISTRATION,
            reference,
            targetType: "household",
            // The future household's id: accepting the request creates the household with it.
            targetId: randomUUID(),
            subject: `Famille ${g1.lastName.toLocaleUpperCase("fr-FR")} (${g1.firstName} ${g1.lastName.toLocaleUpperCase("fr-FR")})`,
            payload,
          })
          .returning({ id: requests.id });
        const event = {
          communeId: scope.communeId,
          requestId: row!.id,
          actorSide: "family" as const,
          actorUserId: scope.userId,
        };
        await tx.insert(requestEvents).values({ ...event, kind: "created" });
        await tx.insert(requestEvents).values({ ...event, kind: "transmitted" });
        // The RIB handed in on the direct-debit step (storePreRegistrationDocument) goes with the request.
        await tx
          .update(documents)
          .set({ requestId: row!.id, updatedAt: sql`now()` })
          .where(
            and(
              eq(documents.communeId, scope.communeId),
              isNull(documents.householdId),
              eq(documents.uploadedByUserId, scope.userId),
              isNull(documents.requestId),
              ne(documents.state, "replaced"),
            ),
          );
        await tx.delete(newFamilyDrafts).where(mine);
        const mailIds =
          recipient && mail
            ? await enqueueRenderedMails(tx, [
                {
                  communeId: scope.communeId,
                  to: recipient.email,
                  subject: acknowledgementSubject(recipient),
                  template: "new-family-acknowledgement",
                  ...mail,
                },
              ])
            : [];
        return { ok: true, reference, requestId: row!.id, mailIds };
      },
    );
  } catch (error) {
    if (isUniqueViolation(error)) return { ok: false, reason: "already_pending" };
    throw error;
  }
}

/**
 * A pre-registration's family as submitted (IBAN masked), for a reader already allowed to see the request; null if
 * not a household.create of the commune.
 */
export async function loadPreRegistration(
  db: Db,
  params: { communeId: string; requestId: string },
): Promise<NewFamilyPayload | null> {
  const [row] = await db
    .select({ payload: requests.payload })
    .from(requests)
    .where(
      and(
        eq(requests.id, params.requestId),
        eq(requests.communeId, params.communeId),
        eq(requests.type, PRE_REGISTRATION),
      ),
    );
  if (!row) return null;
  const payload = row.payload as NewFamilyPayload;
  if (!payload.family || !payload.finance) return null;
  return {
    ...payload,
    iban: typeof payload.iban === "string" && !payload.iban.includes("•") ? maskIban(payload.iban) : payload.iban,
  };
}

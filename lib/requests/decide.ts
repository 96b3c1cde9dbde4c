import "server-only";
import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { bookings, communes, documents, type RequestRow, type RequestStatus, requests } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record";
import { decideBookings } from "@/lib/bookings/decide";
import { currentTime } from "@/lib/clock";
import { mailCommuneColumns } from "@/lib/communes/mail-commune";
import { refuseRequestDocuments, validateRequestDocuments } from "@/lib/documents/review";
import { StaleMailError, transactionWithRenderedMail } from "@/lib/mail/prerendered";
import { addressedTo } from "@/lib/mail/recipient";
import { deliverPendingMail, enqueueRenderedMails } from "@/lib/mail/send-mail";
import { createWishedEnrolmentRequests } from "@/lib/new-family/enrolment-requests";
import { parisDay } from "@/lib/planning/days";
import { PENDING_STATUSES } from "@/lib/planning/slot-state";
import { householdMailRecipients } from "@/lib/subscriptions/recipients";
import { maskIban } from "@/lib/validation/iban";
import { InvalidNewFamilyPayloadError, planApply, planHouseholdCreate, UnsupportedRequestTypeError } from "./apply";
import { ApplyTargetMissingError, createHouseholdFromRequest, runApplyOps } from "./apply-to-db";
import { type DecisionMailProps, decisionMailBody, decisionMailSubject } from "./decision-mail";
import { describeChanges } from "./detail";
import { addRequestEvent, isStaffOf } from "./records";
import { isBookingRequestType } from "./types";

/*
 * Agents decide requests: a family-file change is applied to the file (or refused) with its accusé de
 * traitement in the same transaction; a booking request decides its pending days (mailed in the digest).
 */

export type DecideResult =
  | { ok: true; request: RequestRow }
  | { ok: false; reason: "not_found" | "forbidden" | "message_required" | "target_missing" | "unsupported" }
  /** Another agent decided it first (or the family withdrew it): tell the agent what happened. */
  | { ok: false; reason: "already_decided"; status: RequestStatus; decidedAt: Date | null };

class DecisionAborted extends Error {
  constructor(readonly reason: "target_missing" | "unsupported") {
    super(reason);
  }
}

/** The payload and snapshot a decided bank request keeps: masked, the whole IBAN lives in bank_accounts only. */
function scrubbed(snapshot: Record<string, unknown> | null): Record<string, unknown> | null {
  if (!snapshot || typeof snapshot.iban !== "string") return snapshot;
  return { ...snapshot, iban: maskIban(snapshot.iban) };
}

/**
 * Accept or refuse a pending request. The conditional UPDATE … WHERE status = 'pending' makes exactly one of
 * concurrent decisions win; accepting applies the change to the file in the same transaction (all or nothing),
 * with the audit rows and the family's mail (rendered before, written to the outbox inside). Refusing requires
 * a message for the family.
 */
export async function decideRequest(
  db: Db,
  params: {
    communeId: string;
    agentUserId: string;
    requestId: string;
    decision: "accepted" | "refused";
    message?: string | null;
  },
): Promise<DecideResult> {
  const message = params.message?.trim() || null;
  if (params.decision === "refused" && !message) return { ok: false, reason: "message_required" };
  if (!(await isStaffOf(db, params.communeId, params.agentUserId))) return { ok: false, reason: "forbidden" };
  const ofCommune = and(eq(requests.id, params.requestId), eq(requests.communeId, params.communeId));
  const [current] = await db
    .select({
      request: requests,
      commune: mailCommuneColumns,
    })
    .from(requests)
    .innerJoin(communes, eq(communes.id, requests.communeId))
    .where(ofCommune);
  if (!current) return { ok: false, reason: "not_found" };
  if (isBookingRequestType(current.request.type)) return decideBookingRequest(db, params);
  // A crèche application is decided by the commission (Espace agent › Petite enfance), never accepted as is.
  if (current.request.type === "nursery.application") return { ok: false, reason: "unsupported" };
  const mailProps: DecisionMailProps = {
    commune: current.commune,
    request: current.request,
    decision: params.decision,
    message,
    hasHousehold:
      current.request.householdId !== null ||
      (params.decision === "accepted" && current.request.type === "household.create"),
  };
  let mailIds: string[] = [];
  try {
    const result = await transactionWithRenderedMail(
      db,
      mailProps,
      decisionMailBody,
      async (tx, mail, props): Promise<DecideResult> => {
        const [row] = await tx
          .update(requests)
          .set({
            status: params.decision,
            decidedByUserId: params.agentUserId,
            decidedAt: sql`now()`,
            decisionMessage: message,
            familyUnreadCount: sql`${requests.familyUnreadCount} + 1`,
            updatedAt: sql`now()`,
          })
          .where(and(ofCommune, eq(requests.status, "pending")))
          .returning();
        if (!row) {
          const [existing] = await tx
            .select({ status: requests.status, decidedAt: requests.decidedAt })
            .from(requests)
            .where(ofCommune);
          return existing
            ? { ok: false, reason: "already_decided", status: existing.status, decidedAt: existing.decidedAt }
            : { ok: false, reason: "not_found" };
        }
        // The family updated the pending request since the mail was rendered: render it again, outside the lock.
        if (row.subject !== props.request.subject) throw new StaleMailError({ ...props, request: row });
        const changes = describeChanges(row).map(({ key, label, beforeText, afterText }) => ({
          key,
          label,
          beforeText,
          afterText,
        }));
        const audit = { communeId: params.communeId, actorUserId: params.agentUserId };
        if (params.decision === "accepted" && row.type === "household.create") {
          // A new family: the household (the id the request targets), its code and the account's subscription.
          const plan = planHouseholdCreate(row.payload);
          const created = await createHouseholdFromRequest(tx, {
            communeId: params.communeId,
            householdId: row.targetId,
            userId: row.createdByUserId,
            plan,
          });
          // The services ticked in step 3: enrolment requests the agent confirms, so the planning fills in.
          await createWishedEnrolmentRequests(tx, {
            communeId: params.communeId,
            householdId: created.householdId,
            familyUserId: row.createdByUserId,
            agentUserId: params.agentUserId,
            children: plan.children.map((c, i) => ({ ...c, id: created.childIds[i]!, school: c.school ?? null })),
            wishes: plan.wishes,
            today: parisDay(currentTime()),
          });
          // From now on the request is the household's: it shows in its Mes demandes, with its history.
          await tx.update(requests).set({ householdId: created.householdId }).where(ofCommune);
          row.householdId = created.householdId;
          // The pre-registration's RIB, owned by its uploader until now, is the new household's.
          await tx
            .update(documents)
            .set({ householdId: created.householdId, updatedAt: sql`now()` })
            .where(
              and(
                eq(documents.communeId, params.communeId),
                eq(documents.requestId, row.id),
                isNull(documents.householdId),
              ),
            );
          await recordAudit(tx, {
            ...audit,
            action: "family_file.changed",
            targetType: "household",
            targetId: created.householdId,
            details: {
              householdId: created.householdId,
              requestId: row.id,
              reference: row.reference,
              type: row.type,
              created: true,
              subscribedUserId: row.createdByUserId,
            },
          });
        } else if (params.decision === "accepted") {
          if (!row.householdId) throw new DecisionAborted("unsupported");
          let ops: ReturnType<typeof planApply>;
          try {
            ops = planApply(row);
          } catch (error) {
            if (error instanceof UnsupportedRequestTypeError) throw new DecisionAborted("unsupported");
            throw error;
          }
          await runApplyOps(tx, { communeId: params.communeId, householdId: row.householdId }, ops);
          await recordAudit(tx, {
            ...audit,
            action: "family_file.changed",
            targetType: row.targetType,
            targetId: row.targetId,
            details: {
              householdId: row.householdId,
              requestId: row.id,
              reference: row.reference,
              type: row.type,
              changes,
            },
          });
        }
        // The documents handed in with it (the RIB of a bank-details change) share its decision: accepting
        // validates them ("validates both"), each until its type's default expiry; refusing refuses them with the
        // request's message (the family hears of it in the request's own mail).
        if (params.decision === "accepted")
          await validateRequestDocuments(tx, {
            communeId: params.communeId,
            agentUserId: params.agentUserId,
            requestId: row.id,
            today: parisDay(currentTime()),
          });
        else
          await refuseRequestDocuments(tx, {
            communeId: params.communeId,
            agentUserId: params.agentUserId,
            requestId: row.id,
            reason: message!,
          });
        await recordAudit(tx, {
          ...audit,
          action: params.decision === "accepted" ? "request.accepted" : "request.refused",
          targetType: "request",
          targetId: row.id,
          details: { householdId: row.householdId, reference: row.reference, type: row.type, message },
        });
        await addRequestEvent(tx, {
          communeId: params.communeId,
          requestId: row.id,
          kind: params.decision,
          side: "town",
          actorUserId: params.agentUserId,
          message,
        });
        const [decided] = await tx
          .update(requests)
          .set({ payload: scrubbed(row.payload)!, before: scrubbed(row.before) })
          .where(ofCommune)
          .returning();
        const recipients = await householdMailRecipients(tx, {
          communeId: params.communeId,
          householdId: decided!.householdId,
          accountUserId: decided!.createdByUserId,
        });
        const subject = decisionMailSubject(props);
        mailIds = await enqueueRenderedMails(
          tx,
          recipients.map((recipient) => ({
            communeId: params.communeId,
            subject,
            template: "request-decision",
            ...addressedTo(mail!, recipient),
          })),
        );
        return { ok: true, request: decided! };
      },
    );
    // The mails are in the outbox with the decision: if this first attempt fails, the maintenance job retries them.
    if (mailIds.length)
      await deliverPendingMail(db, { ids: mailIds }).catch((error) =>
        console.error(`decision mails of request ${params.requestId} not attempted`, error),
      );
    return result;
  } catch (error) {
    if (error instanceof DecisionAborted) return { ok: false, reason: error.reason };
    if (error instanceof ApplyTargetMissingError) return { ok: false, reason: "target_missing" };
    if (error instanceof InvalidNewFamilyPayloadError) return { ok: false, reason: "unsupported" };
    throw error;
  }
}

/** A booking request decided as a whole from the inbox: every day still pending gets the decision. */
async function decideBookingRequest(
  db: Db,
  params: {
    communeId: string;
    agentUserId: string;
    requestId: string;
    decision: "accepted" | "refused";
    message?: string | null;
  },
): Promise<DecideResult> {
  const ofCommune = and(eq(requests.id, params.requestId), eq(requests.communeId, params.communeId));
  const alreadyDecided = async (): Promise<DecideResult> => {
    const [existing] = await db
      .select({ status: requests.status, decidedAt: requests.decidedAt })
      .from(requests)
      .where(ofCommune);
    return existing
      ? { ok: false, reason: "already_decided", status: existing.status, decidedAt: existing.decidedAt }
      : { ok: false, reason: "not_found" };
  };
  const pendingDays = await db
    .select({ id: bookings.id })
    .from(bookings)
    .where(
      and(
        eq(bookings.communeId, params.communeId),
        eq(bookings.requestId, params.requestId),
        inArray(bookings.status, [...PENDING_STATUSES]),
      ),
    );
  if (pendingDays.length === 0) return alreadyDecided();
  const decided = await decideBookings(db, {
    communeId: params.communeId,
    agentUserId: params.agentUserId,
    bookingIds: pendingDays.map((d) => d.id),
    decision: params.decision === "accepted" ? "accept" : "refuse",
    message: params.message,
  });
  if (!decided.ok) return { ok: false, reason: decided.reason };
  // The family withdrew (or another agent decided) every day between the read above and the decision's lock.
  if (decided.results.every((r) => r.outcome === "not_pending")) return alreadyDecided();
  const [row] = await db.select().from(requests).where(ofCommune);
  return { ok: true, request: row! };
}

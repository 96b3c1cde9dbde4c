import "server-only";
import { and, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import {
  type NurseryApplication,
  type NurseryApplicationStatus,
  nurseryApplications,
  type RequestEventKind,
  type RequestStatus,
  requests,
} from "@/db/schema";
import { addRequestEvent } from "@/lib/requests/records";

/*
 * Every change of an application's state goes through moveApplication: the application, its request (status,
 * unread count, decision) and the request's history change together, inside the caller's transaction.
 */

/** What Mes demandes shows: pending while the commission or the family still has to act. */
export function requestStatusFor(status: NurseryApplicationStatus): RequestStatus {
  switch (status) {
    case "submitted":
    case "offered":
    case "waiting_list":
      return "pending";
    case "accepted":
      return "accepted";
    case "refused":
      return "refused";
    case "declined":
    case "withdrawn":
    case "lapsed":
      return "withdrawn";
  }
}

type ApplicationChanges = Partial<
  Omit<NurseryApplication, "id" | "communeId" | "householdId" | "requestId" | "status" | "createdAt">
>;

/**
 * Moves the application from one of `from` to `to` with a conditional UPDATE, so of two concurrent moves only one
 * applies; null when the application is not of this commune (and household, when given) or not in `from`.
 * A town-side move counts as news for the family ("1 nouveau(x) message(s)"); `message` goes into the history and,
 * for a refusal, is the town's answer on the request.
 */
export async function moveApplication(
  tx: Db,
  params: {
    communeId: string;
    applicationId: string;
    /** Set for a family's move: the application must be of that household. */
    householdId?: string;
    from: readonly NurseryApplicationStatus[];
    to: NurseryApplicationStatus;
    side: "family" | "town";
    actorUserId: string | null;
    event: RequestEventKind;
    message?: string | null;
    details?: Record<string, unknown>;
    set?: ApplicationChanges;
  },
): Promise<NurseryApplication | null> {
  const { communeId } = params;
  const [row] = await tx
    .update(nurseryApplications)
    .set({ ...params.set, status: params.to, updatedAt: sql`now()` })
    .where(
      and(
        eq(nurseryApplications.id, params.applicationId),
        eq(nurseryApplications.communeId, communeId),
        params.householdId ? eq(nurseryApplications.householdId, params.householdId) : undefined,
        inArray(nurseryApplications.status, [...params.from]),
      ),
    )
    .returning();
  if (!row) return null;
  const requestStatus = requestStatusFor(params.to);
  const decided = requestStatus !== "pending";
  await tx
    .update(requests)
    .set({
      status: requestStatus,
      updatedAt: sql`now()`,
      ...(params.side === "town" ? { familyUnreadCount: sql`${requests.familyUnreadCount} + 1` } : {}),
      ...(decided
        ? {
            decidedAt: sql`now()`,
            decidedByUserId: params.side === "town" ? params.actorUserId : null,
            decisionMessage: params.to === "refused" ? (params.message ?? null) : null,
          }
        : {}),
    })
    .where(and(eq(requests.id, row.requestId), eq(requests.communeId, communeId)));
  await addRequestEvent(tx, {
    communeId,
    requestId: row.requestId,
    kind: params.event,
    side: params.side,
    actorUserId: params.actorUserId,
    message: params.message ?? null,
    details: { status: params.to, ...params.details },
  });
  return row;
}

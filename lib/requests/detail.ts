import "server-only";
import { and, asc, eq, type SQL } from "drizzle-orm";
import type { Db } from "@/db/client";
import {
  households,
  type RequestActorSide,
  type RequestEventKind,
  type RequestRow,
  requestEvents,
  requests,
  users,
} from "@/db/schema";
import type { HouseholdScope } from "@/lib/family-file/records";
import { maskIban } from "@/lib/validation/iban";
import { type FieldChange, formatFieldValue } from "./diff";
import { accountPreRegistrations, type RequestListItem } from "./lists";
import { REQUEST_STATUS_LABELS, requestTypeDef, requestTypeLabel } from "./types";

/* One request with its before/after and its history, for the family (its household's) or an agent (the commune's). */

export interface RequestHistoryEntry {
  kind: RequestEventKind;
  side: RequestActorSide;
  actorName: string | null;
  message: string | null;
  at: Date;
}

export interface RequestDetail extends RequestListItem {
  householdId: string | null;
  targetType: string;
  targetId: string;
  decidedAt: Date | null;
  decisionMessage: string | null;
  /** Before/after per field, IBANs masked. Empty for kinds that are not a change of fields. */
  changes: FieldChange[];
  history: RequestHistoryEntry[];
}

/** Before/after for display, from the stored snapshots: IBANs masked even while the request holds the whole one. */
export function describeChanges(row: Pick<RequestRow, "type" | "payload" | "before">): FieldChange[] {
  const def = requestTypeDef(row.type);
  if (!def || def.fields.length === 0) return [];
  if (row.type === "authorized_adult.remove") return [];
  return def.fields
    .filter((f) => Object.hasOwn(row.payload, f.key))
    .map((f) => {
      const before = row.before?.[f.key] ?? null;
      const after = row.payload[f.key];
      const shown = (v: unknown) => (f.kind === "iban" && typeof v === "string" && !v.includes("•") ? maskIban(v) : v);
      return {
        key: f.key,
        label: f.label,
        before: shown(before),
        after: shown(after),
        beforeText: formatFieldValue(f, before),
        afterText: formatFieldValue(f, after),
      };
    });
}

async function loadDetail(db: Db, where: SQL): Promise<RequestDetail | null> {
  const [row] = await db
    .select({ request: requests, householdName: households.name })
    .from(requests)
    .leftJoin(households, and(eq(households.id, requests.householdId), eq(households.communeId, requests.communeId)))
    .where(where);
  if (!row) return null;
  const r = row.request;
  const events = await db
    .select({
      kind: requestEvents.kind,
      side: requestEvents.actorSide,
      message: requestEvents.message,
      at: requestEvents.createdAt,
      firstName: users.firstName,
      lastName: users.lastName,
    })
    .from(requestEvents)
    .leftJoin(users, and(eq(users.id, requestEvents.actorUserId), eq(users.communeId, requestEvents.communeId)))
    .where(and(eq(requestEvents.requestId, r.id), eq(requestEvents.communeId, r.communeId)))
    // Events of one transaction share a timestamp: the enum's order (created, transmitted, …) breaks the tie.
    .orderBy(asc(requestEvents.createdAt), asc(requestEvents.kind));
  return {
    id: r.id,
    reference: r.reference,
    type: r.type,
    typeLabel: requestTypeLabel(r.type),
    subject: r.subject,
    status: r.status,
    statusLabel: REQUEST_STATUS_LABELS[r.status],
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
    unreadCount: r.familyUnreadCount,
    householdName: row.householdName,
    householdId: r.householdId,
    targetType: r.targetType,
    targetId: r.targetId,
    decidedAt: r.decidedAt,
    decisionMessage: r.decisionMessage,
    changes: describeChanges(r),
    history: events.map((e) => ({
      kind: e.kind,
      side: e.side,
      actorName: e.firstName ? `${e.firstName} ${e.lastName}` : null,
      message: e.message,
      at: e.at,
    })),
  };
}

/** One request of the household with its history; null for another household's (or commune's) id. */
export function getHouseholdRequest(db: Db, params: HouseholdScope & { requestId: string }) {
  return loadDetail(
    db,
    and(
      eq(requests.id, params.requestId),
      eq(requests.communeId, params.communeId),
      eq(requests.householdId, params.householdId),
    )!,
  );
}

/** One of the account's pre-registrations still without a household, with its history; null for anyone else's. */
export function getAccountPreRegistration(db: Db, params: { communeId: string; userId: string; requestId: string }) {
  return loadDetail(db, and(eq(requests.id, params.requestId), accountPreRegistrations(params))!);
}

/** One request of the commune, for agents; null for another commune's id. */
export function getCommuneRequest(db: Db, params: { communeId: string; requestId: string }) {
  return loadDetail(db, and(eq(requests.id, params.requestId), eq(requests.communeId, params.communeId))!);
}

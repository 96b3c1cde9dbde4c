import "server-only";
import { randomUUID } from "node:crypto";
import { and, asc, count, desc, eq, ilike, inArray, ne, or, type SQL, sql, sum } from "drizzle-orm";
import type { Db } from "@/db/client";
import {
  households,
  type RequestActorSide,
  type RequestEventKind,
  type RequestRow,
  type RequestStatus,
  requestEvents,
  requests,
  users,
} from "@/db/schema";
import { withdrawBookingRequest } from "@/lib/bookings/cancel";
import {
  type HouseholdScope,
  loadAuthorizedAdultRecord,
  loadBankRecord,
  loadChild,
  loadChildRecord,
  loadGuardianRecord,
  loadVaccinationRecord,
} from "@/lib/family-file/records";
import { maskIban } from "@/lib/validation/iban";
import { changeSnapshots, diffFields, type FieldChange, formatFieldValue } from "./diff";
import { addRequestEvent, allocateRequestReference, isStaffOf } from "./records";
import { parseReferenceQuery } from "./reference";
import {
  FAMILY_FILE_CHANGE_TYPES,
  type FamilyFileChangeType,
  isBookingRequestType,
  REQUEST_STATUS_LABELS,
  REQUEST_TYPES,
  type RequestStateFilter,
  requestTypeDef,
  requestTypeLabel,
} from "./types";

/*
 * Requests (demandes): created and withdrawn by families, decided by agents.
 * Family-side functions take the household from the caller's subscription and scope every statement by
 * commune AND household; agent-side ones by commune. An id from another scope reads as "not found".
 */

// ---------------------------------------------------------------- creation

/** The validated record a change of this type targets, scoped to the household; null if not of it. */
async function loadTarget(
  db: Db,
  scope: HouseholdScope,
  type: FamilyFileChangeType,
  targetId: string,
  proposed: Record<string, unknown>,
) {
  switch (type) {
    case "guardian.update":
      return loadGuardianRecord(db, scope, targetId);
    case "bank.update":
      return targetId === scope.householdId ? loadBankRecord(db, scope) : null;
    case "child.update":
      return loadChildRecord(db, scope, targetId);
    case "vaccinations.update":
      return loadVaccinationRecord(db, scope, targetId);
    case "authorized_adult.add": {
      const child = typeof proposed.childId === "string" ? await loadChild(db, scope, proposed.childId) : null;
      return child
        ? {
            values: {},
            subject: `${proposed.firstName ?? ""} ${proposed.lastName ?? ""} (pour ${child.firstName})`.trim(),
            childId: child.id,
          }
        : null;
    }
    case "authorized_adult.update":
    case "authorized_adult.remove":
      return loadAuthorizedAdultRecord(db, scope, targetId);
  }
}

export type SubmitChangeResult =
  | { ok: true; outcome: "created" | "updated"; request: RequestRow; changes: FieldChange[] }
  /** The proposal equals the validated file: nothing to ask; a pending request for it, if any, was withdrawn. */
  | { ok: true; outcome: "unchanged" | "withdrawn"; request: RequestRow | null; changes: [] }
  | { ok: false; reason: "not_found" };

/**
 * A family proposes new values for one record of its file. Creates the pending request, or — when one is
 * pending for the same data — updates it: a form may send only its part (`proposed` is merged over the pending
 * values) and the request keeps only what still differs from the validated file.
 * For "authorized_adult.add" pass the future adult's id as targetId (newAuthorizedAdultId()) and childId in `proposed`.
 */
export async function submitChange(
  db: Db,
  params: HouseholdScope & {
    userId: string;
    type: FamilyFileChangeType;
    targetId: string;
    proposed: Record<string, unknown>;
  },
): Promise<SubmitChangeResult> {
  // The type comes from a form: a code that is no family-file change is refused like an unknown record.
  if (!(FAMILY_FILE_CHANGE_TYPES as readonly string[]).includes(params.type)) return { ok: false, reason: "not_found" };
  const scope = { communeId: params.communeId, householdId: params.householdId };
  const def = REQUEST_TYPES[params.type];
  return db.transaction(async (tx) => {
    const pendingWhere = and(
      eq(requests.communeId, scope.communeId),
      eq(requests.householdId, scope.householdId),
      eq(requests.type, params.type),
      eq(requests.targetType, def.targetType),
      eq(requests.targetId, params.targetId),
      eq(requests.status, "pending"),
    );
    const [pending] = await tx.select().from(requests).where(pendingWhere).for("update");
    const proposed = { ...(pending?.payload ?? {}), ...params.proposed };
    const target = await loadTarget(tx, scope, params.type, params.targetId, proposed);
    if (!target) return { ok: false as const, reason: "not_found" as const };

    let changes: FieldChange[];
    let payload: Record<string, unknown>;
    let before: Record<string, unknown>;
    if (params.type === "authorized_adult.remove") {
      changes = [];
      payload = { childId: "childId" in target ? target.childId : null, remove: true };
      before = target.values;
    } else {
      changes = diffFields(def.fields, target.values, proposed);
      ({ payload, before } = changeSnapshots(changes));
      if (params.type === "authorized_adult.add") payload.childId = proposed.childId;
      if (changes.length === 0) {
        if (!pending) return { ok: true as const, outcome: "unchanged" as const, request: null, changes: [] as [] };
        const [withdrawn] = await tx
          .update(requests)
          .set({ status: "withdrawn", updatedAt: sql`now()` })
          .where(and(eq(requests.id, pending.id), pendingWhere))
          .returning();
        await addRequestEvent(tx, {
          communeId: scope.communeId,
          requestId: pending.id,
          kind: "withdrawn",
          side: "family",
          actorUserId: params.userId,
          message: "Les valeurs proposées sont identiques au dossier validé.",
        });
        return { ok: true as const, outcome: "withdrawn" as const, request: withdrawn!, changes: [] as [] };
      }
    }

    const summary = { fields: changes.map((c) => c.label) };
    if (pending) {
      const [updated] = await tx
        .update(requests)
        .set({ payload, before, subject: target.subject, updatedAt: sql`now()` })
        .where(and(eq(requests.id, pending.id), pendingWhere))
        .returning();
      await addRequestEvent(tx, {
        communeId: scope.communeId,
        requestId: pending.id,
        kind: "updated",
        side: "family",
        actorUserId: params.userId,
        details: summary,
      });
      return { ok: true as const, outcome: "updated" as const, request: updated!, changes };
    }

    const reference = await allocateRequestReference(tx, scope.communeId);
    // A concurrent first change to the same data may have committed since the SELECT: ON CONFLICT on the
    // partial unique index then merges into that pending request instead of failing or stacking.
    const [row] = await tx
      .insert(requests)
      .values({
        ...scope,
        createdByUserId: params.userId,
        type: params.type,
        reference,
        targetType: def.targetType,
        targetId: params.targetId,
        subject: target.subject,
        payload,
        before,
      })
      .onConflictDoUpdate({
        target: [requests.householdId, requests.type, requests.targetType, requests.targetId],
        targetWhere: sql`${requests.status} = 'pending'`,
        set: {
          payload: sql`${requests.payload} || excluded.payload`,
          before: sql`coalesce(${requests.before}, '{}'::jsonb) || excluded.before`,
          updatedAt: sql`now()`,
        },
      })
      .returning();
    const created = row!.reference === reference;
    const event = {
      communeId: scope.communeId,
      requestId: row!.id,
      side: "family" as const,
      actorUserId: params.userId,
    };
    if (created) {
      await addRequestEvent(tx, { ...event, kind: "created", details: summary });
      await addRequestEvent(tx, { ...event, kind: "transmitted" });
    } else {
      await addRequestEvent(tx, { ...event, kind: "updated", details: summary });
    }
    return {
      ok: true as const,
      outcome: created ? ("created" as const) : ("updated" as const),
      request: row!,
      changes,
    };
  });
}

/** The id an added authorized adult will have: the add request targets it, so changing it before processing updates that request. */
export function newAuthorizedAdultId(): string {
  return randomUUID();
}

// ---------------------------------------------------------------- family actions

export type WithdrawResult = { ok: true } | { ok: false; reason: "not_found" | "not_pending" };

/** "Retirer": the family takes back its own pending request. */
export async function withdrawRequest(
  db: Db,
  params: HouseholdScope & { userId: string; requestId: string },
): Promise<WithdrawResult> {
  // A booking request's days live in the planning: withdrawing it cancels each day still pending.
  if (isBookingRequestType((await requestTypeOf(db, params.communeId, params.requestId)) ?? ""))
    return withdrawBookingRequest(db, params);
  return db.transaction(async (tx) => {
    const mine = and(
      eq(requests.id, params.requestId),
      eq(requests.communeId, params.communeId),
      eq(requests.householdId, params.householdId),
    );
    const [row] = await tx
      .update(requests)
      .set({ status: "withdrawn", updatedAt: sql`now()` })
      .where(and(mine, eq(requests.status, "pending")))
      .returning({ id: requests.id });
    if (!row) {
      const [existing] = await tx.select({ id: requests.id }).from(requests).where(mine);
      return { ok: false as const, reason: existing ? ("not_pending" as const) : ("not_found" as const) };
    }
    await addRequestEvent(tx, {
      communeId: params.communeId,
      requestId: row.id,
      kind: "withdrawn",
      side: "family",
      actorUserId: params.userId,
    });
    return { ok: true as const };
  });
}

/** "Marquer la sélection comme lue" (ids) / "Tout marquer comme lu" ("all"). Returns how many requests had unread messages. */
export async function markRequestsRead(
  db: Db,
  params: HouseholdScope & { requestIds: readonly string[] | "all" },
): Promise<number> {
  if (params.requestIds !== "all" && params.requestIds.length === 0) return 0;
  const rows = await db
    .update(requests)
    .set({ familyUnreadCount: 0 })
    .where(
      and(
        eq(requests.communeId, params.communeId),
        eq(requests.householdId, params.householdId),
        ne(requests.familyUnreadCount, 0),
        params.requestIds === "all" ? undefined : inArray(requests.id, [...params.requestIds]),
      ),
    )
    .returning({ id: requests.id });
  return rows.length;
}

/** For the menu badge: requests with news from the town, and how many messages in all. */
export async function countUnreadRequests(
  db: Db,
  params: HouseholdScope,
): Promise<{ requests: number; messages: number }> {
  const [row] = await db
    .select({ requests: count(), messages: sum(requests.familyUnreadCount) })
    .from(requests)
    .where(
      and(
        eq(requests.communeId, params.communeId),
        eq(requests.householdId, params.householdId),
        ne(requests.familyUnreadCount, 0),
      ),
    );
  return { requests: row?.requests ?? 0, messages: Number(row?.messages ?? 0) };
}

// ---------------------------------------------------------------- lists and details

export interface RequestListItem {
  id: string;
  reference: string;
  type: string;
  typeLabel: string;
  subject: string | null;
  status: RequestStatus;
  statusLabel: string;
  createdAt: Date;
  updatedAt: Date;
  unreadCount: number;
  householdName: string | null;
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
  pageCount: number;
}

const listColumns = {
  id: requests.id,
  reference: requests.reference,
  type: requests.type,
  subject: requests.subject,
  status: requests.status,
  createdAt: requests.createdAt,
  updatedAt: requests.updatedAt,
  unreadCount: requests.familyUnreadCount,
  householdName: households.name,
};

function referenceCondition(input: string | undefined): SQL | undefined {
  const query = input ? parseReferenceQuery(input) : null;
  if (!query) return undefined;
  return "exact" in query ? eq(requests.reference, query.exact) : ilike(requests.reference, `%${query.contains}%`);
}

async function listPage(db: Db, where: SQL | undefined, page = 1, pageSize = 20): Promise<Page<RequestListItem>> {
  const size = Math.min(Math.max(Math.trunc(pageSize), 1), 100);
  const current = Math.max(Math.trunc(page), 1);
  const [rows, [total]] = await Promise.all([
    db
      .select(listColumns)
      .from(requests)
      .leftJoin(households, and(eq(households.id, requests.householdId), eq(households.communeId, requests.communeId)))
      .where(where)
      .orderBy(desc(requests.createdAt), desc(requests.reference))
      .limit(size)
      .offset((current - 1) * size),
    db.select({ n: count() }).from(requests).leftJoin(households, eq(households.id, requests.householdId)).where(where),
  ]);
  return {
    items: rows.map((r) => ({
      ...r,
      typeLabel: requestTypeLabel(r.type),
      statusLabel: REQUEST_STATUS_LABELS[r.status],
    })),
    total: total?.n ?? 0,
    page: current,
    pageSize: size,
    pageCount: Math.max(1, Math.ceil((total?.n ?? 0) / size)),
  };
}

/** Mes demandes: the household's requests of every type, newest first. */
export async function listHouseholdRequests(
  db: Db,
  params: HouseholdScope & {
    types?: readonly string[];
    state?: RequestStateFilter;
    reference?: string;
    page?: number;
    pageSize?: number;
  },
): Promise<Page<RequestListItem>> {
  const where = and(
    eq(requests.communeId, params.communeId),
    eq(requests.householdId, params.householdId),
    params.types?.length ? inArray(requests.type, [...params.types]) : undefined,
    params.state === "open"
      ? eq(requests.status, "pending")
      : params.state === "done"
        ? ne(requests.status, "pending")
        : undefined,
    referenceCondition(params.reference),
  );
  return listPage(db, where, params.page, params.pageSize);
}

/** The agents' inbox: the commune's requests, searchable by family name or reference. */
export async function listCommuneRequests(
  db: Db,
  params: {
    communeId: string;
    types?: readonly string[];
    status?: RequestStatus | "all";
    search?: string;
    page?: number;
    pageSize?: number;
  },
): Promise<Page<RequestListItem>> {
  const search = params.search?.trim();
  const escaped = search?.replace(/[\\%_]/g, (c) => `\\${c}`);
  const where = and(
    eq(requests.communeId, params.communeId),
    params.types?.length ? inArray(requests.type, [...params.types]) : undefined,
    params.status && params.status !== "all" ? eq(requests.status, params.status) : undefined,
    search
      ? or(ilike(households.name, `%${escaped}%`), referenceCondition(search), ilike(requests.subject, `%${escaped}%`))
      : undefined,
  );
  return listPage(db, where, params.page, params.pageSize);
}

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

/** One request of the commune, for agents; null for another commune's id. */
export function getCommuneRequest(db: Db, params: { communeId: string; requestId: string }) {
  return loadDetail(db, and(eq(requests.id, params.requestId), eq(requests.communeId, params.communeId))!);
}

// ---------------------------------------------------------------- agent actions

async function requestTypeOf(db: Db, communeId: string, requestId: string): Promise<string | null> {
  const [row] = await db
    .select({ type: requests.type })
    .from(requests)
    .where(and(eq(requests.id, requestId), eq(requests.communeId, communeId)));
  return row?.type ?? null;
}

/** An agent's message on a request without deciding it: the family sees "1 nouveau(x) message(s)". */
export async function postTownMessage(
  db: Db,
  params: { communeId: string; agentUserId: string; requestId: string; message: string },
): Promise<{ ok: true } | { ok: false; reason: "not_found" | "forbidden" | "message_required" }> {
  const message = params.message.trim();
  if (!message) return { ok: false, reason: "message_required" };
  if (!(await isStaffOf(db, params.communeId, params.agentUserId))) return { ok: false, reason: "forbidden" };
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(requests)
      .set({ familyUnreadCount: sql`${requests.familyUnreadCount} + 1`, updatedAt: sql`now()` })
      .where(and(eq(requests.id, params.requestId), eq(requests.communeId, params.communeId)))
      .returning({ id: requests.id });
    if (!row) return { ok: false as const, reason: "not_found" as const };
    await addRequestEvent(tx, {
      communeId: params.communeId,
      requestId: row.id,
      kind: "message",
      side: "town",
      actorUserId: params.agentUserId,
      message,
    });
    return { ok: true as const };
  });
}

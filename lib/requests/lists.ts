import "server-only";
import { and, count, desc, eq, ilike, inArray, isNull, ne, or, type SQL } from "drizzle-orm";
import type { Db } from "@/db/client";
import { households, type RequestStatus, requests } from "@/db/schema";
import { countOverAll, totalOfPage } from "@/lib/database/paged";
import type { HouseholdScope } from "@/lib/family-file/records";
import { parseReferenceQuery } from "./reference";
import { REQUEST_STATUS_LABELS, type RequestStateFilter, requestTypeLabel } from "./types";

/* Pages of requests: the family's "Mes demandes" (scoped by commune AND household) and the agents' inbox. */

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
  const rows = await db
    .select({ ...listColumns, total: countOverAll() })
    .from(requests)
    .leftJoin(households, and(eq(households.id, requests.householdId), eq(households.communeId, requests.communeId)))
    .where(where)
    .orderBy(desc(requests.createdAt), desc(requests.reference))
    .limit(size)
    .offset((current - 1) * size);
  const total = await totalOfPage(rows, current, () => countRequests(db, where));
  return {
    items: rows.map(({ total: _, ...r }) => ({
      ...r,
      typeLabel: requestTypeLabel(r.type),
      statusLabel: REQUEST_STATUS_LABELS[r.status],
    })),
    total,
    page: current,
    pageSize: size,
    pageCount: Math.max(1, Math.ceil(total / size)),
  };
}

async function countRequests(db: Db, where: SQL | undefined): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(requests)
    .leftJoin(households, eq(households.id, requests.householdId))
    .where(where);
  return row?.n ?? 0;
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

/**
 * Mes demandes of an account with no household yet: its new-family pre-registrations (pending, or refused), which
 * belong to no household until the town accepts one. Scoped by commune AND the account that sent them.
 */
export async function listAccountPreRegistrations(
  db: Db,
  params: { communeId: string; userId: string },
): Promise<Page<RequestListItem>> {
  return listPage(db, accountPreRegistrations(params));
}

/** The account's own pre-registrations not (yet) filed under a household. */
export function accountPreRegistrations(params: { communeId: string; userId: string }): SQL {
  return and(
    eq(requests.communeId, params.communeId),
    eq(requests.createdByUserId, params.userId),
    eq(requests.type, "household.create"),
    isNull(requests.householdId),
  )!;
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

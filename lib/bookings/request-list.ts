import "server-only";
import { and, asc, count, desc, eq, inArray, type SQL, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { activities, children, type RequestStatus, requests } from "@/db/schema";
import { countOverAll, totalOfPage } from "@/lib/database/paged";
import type { IsoDay } from "@/lib/planning/days";
import { activityLabel } from "@/lib/planning/labels";
import type { Page } from "@/lib/requests/lists";
import { BOOKING_REQUEST_TYPES, REQUEST_STATUS_LABELS, requestTypeLabel } from "@/lib/requests/types";

/*
 * The "Liste" view of the planning: the household's booking and absence requests, one row each,
 * with the child, the activity and the period its payload names. Scoped by commune AND household.
 */

export interface BookingRequestRow {
  id: string;
  reference: string;
  typeLabel: string;
  /** Null when the child was removed from the file since. */
  childFirstName: string | null;
  facility: string | null;
  activityLabel: string | null;
  from: IsoDay | null;
  to: IsoDay | null;
  status: RequestStatus;
  statusLabel: string;
}

export interface RequestListChild {
  id: string;
  firstName: string;
}

type Scope = { communeId: string; householdId: string };

// The payload is the request's own record of what was asked; joined as text so a malformed id never breaks a cast.
const payloadChildId = sql`${requests.payload}->>'childId'`;
const payloadActivityId = sql`${requests.payload}->>'activityId'`;

function householdBookingRequests(p: Scope & { childId?: string }): SQL {
  return and(
    eq(requests.communeId, p.communeId),
    eq(requests.householdId, p.householdId),
    inArray(requests.type, [...BOOKING_REQUEST_TYPES]),
    p.childId ? sql`${payloadChildId} = ${p.childId}` : undefined,
  )!;
}

/** One page of the household's booking and absence requests, newest first, with their total (one query). */
export async function listBookingRequests(
  db: Db,
  p: Scope & { childId?: string; page?: number; pageSize?: number },
): Promise<Page<BookingRequestRow>> {
  const pageSize = Math.min(Math.max(Math.trunc(p.pageSize ?? 20), 1), 100);
  const page = Math.max(Math.trunc(p.page ?? 1), 1);
  const where = householdBookingRequests(p);
  const rows = await db
    .select({
      id: requests.id,
      reference: requests.reference,
      type: requests.type,
      status: requests.status,
      from: sql<string | null>`${requests.payload}->>'from'`,
      to: sql<string | null>`${requests.payload}->>'to'`,
      childFirstName: children.firstName,
      activityCode: activities.code,
      activityName: activities.name,
      facility: activities.facility,
      total: countOverAll(),
    })
    .from(requests)
    .leftJoin(
      children,
      and(
        sql`${children.id}::text = ${payloadChildId}`,
        eq(children.communeId, p.communeId),
        eq(children.householdId, p.householdId),
      ),
    )
    .leftJoin(
      activities,
      and(sql`${activities.id}::text = ${payloadActivityId}`, eq(activities.communeId, p.communeId)),
    )
    .where(where)
    .orderBy(desc(requests.createdAt), desc(requests.reference))
    .limit(pageSize)
    .offset((page - 1) * pageSize);
  const totalCount = await totalOfPage(rows, page, async () => {
    const [counted] = await db.select({ value: count() }).from(requests).where(where);
    return counted?.value ?? 0;
  });
  return {
    items: rows.map((r) => ({
      id: r.id,
      reference: r.reference,
      typeLabel: requestTypeLabel(r.type),
      childFirstName: r.childFirstName,
      facility: r.facility,
      activityLabel:
        r.activityName === null ? null : activityLabel({ code: r.activityCode ?? "", name: r.activityName }),
      from: r.from,
      to: r.to,
      status: r.status,
      statusLabel: REQUEST_STATUS_LABELS[r.status],
    })),
    total: totalCount,
    page,
    pageSize,
    pageCount: Math.max(1, Math.ceil(totalCount / pageSize)),
  };
}

/** The household's children, for the list's "Enfants" filter. */
export async function listRequestListChildren(db: Db, p: Scope): Promise<RequestListChild[]> {
  return db
    .select({ id: children.id, firstName: children.firstName })
    .from(children)
    .where(and(eq(children.communeId, p.communeId), eq(children.householdId, p.householdId)))
    .orderBy(asc(children.birthDate), asc(children.firstName));
}

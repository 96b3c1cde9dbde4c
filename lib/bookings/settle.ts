import "server-only";
import { and, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { bookingEvents, bookings, requestEvents, requests } from "@/db/schema";
import { pgArray } from "@/lib/database/rows";
import { PENDING_STATUSES } from "@/lib/planning/slot-state";

/*
 * A booking or absence request stays "En cours" while one of its days waits for the town. Once none does, it
 * is settled: accepted when at least one day was granted (booked, waiting list, absence), refused when every
 * decided day was refused, withdrawn when the family cancelled every day before any decision.
 */

const GRANTED = ["accepted", "waitlisted", "promoted", "absence_accepted"] as const;
const DENIED = ["refused", "absence_refused"] as const;

interface SettleParams {
  communeId: string;
  requestIds: readonly string[];
  deciderUserId: string | null;
  familyUserId?: string | null;
  message?: string | null;
  now: Date;
}

export async function settleRequests(tx: Db, p: SettleParams): Promise<void> {
  const ids = [...new Set(p.requestIds)];
  if (ids.length === 0) return;
  const [stillPending, decided] = await Promise.all([
    tx
      .selectDistinct({ requestId: bookings.requestId })
      .from(bookings)
      .where(
        and(
          eq(bookings.communeId, p.communeId),
          inArray(bookings.requestId, ids),
          inArray(bookings.status, [...PENDING_STATUSES]),
        ),
      ),
    tx
      .selectDistinct({ requestId: bookingEvents.requestId, kind: bookingEvents.kind })
      .from(bookingEvents)
      .where(
        and(
          eq(bookingEvents.communeId, p.communeId),
          inArray(bookingEvents.requestId, ids),
          inArray(bookingEvents.kind, [...GRANTED, ...DENIED]),
        ),
      ),
  ]);
  const pending = new Set(stillPending.map((r) => r.requestId));
  const outcome = new Map<string, "accepted" | "refused" | "withdrawn">();
  for (const id of ids) if (!pending.has(id)) outcome.set(id, "withdrawn");
  for (const { requestId, kind } of decided) {
    if (!requestId || !outcome.has(requestId)) continue;
    if ((GRANTED as readonly string[]).includes(kind)) outcome.set(requestId, "accepted");
    else if (outcome.get(requestId) === "withdrawn") outcome.set(requestId, "refused");
  }

  for (const status of ["accepted", "refused", "withdrawn"] as const) {
    const group = [...outcome].filter(([, s]) => s === status).map(([id]) => id);
    await settleAs(tx, { ...p, requestIds: group, status });
  }
}

/** Settles these pending requests with this outcome, and writes it in their history. */
export async function settleAs(
  tx: Db,
  p: SettleParams & { status: "accepted" | "refused" | "withdrawn" },
): Promise<void> {
  if (p.requestIds.length === 0) return;
  const decision = p.status !== "withdrawn";
  const now = sql`${p.now.toISOString()}::timestamptz`;
  // One statement: a request submitted and settled at once runs it beside its days and its reference.
  await tx.execute(sql`
    with settled as (
      update ${requests}
      set status = ${p.status}::request_status, updated_at = ${now}
        ${
          decision
            ? sql`, decided_at = ${now}, decided_by_user_id = ${p.deciderUserId}::uuid,
                  decision_message = ${p.message ?? null}::text, family_unread_count = family_unread_count + 1`
            : sql``
        }
      where commune_id = ${p.communeId}::uuid and id = any(${pgArray(p.requestIds)}::uuid[]) and status = 'pending'
      returning id
    )
    insert into ${requestEvents} (commune_id, request_id, kind, actor_side, actor_user_id, message, created_at)
    select ${p.communeId}::uuid, settled.id, ${p.status}::request_event_kind,
           ${decision ? "town" : "family"}::request_actor_side,
           ${decision ? p.deciderUserId : (p.familyUserId ?? null)}::uuid, ${decision ? (p.message ?? null) : null}::text,
           ${now}
    from settled`);
}

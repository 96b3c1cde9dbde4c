import "server-only";
import { and, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { bookingEvents, bookings, requestEvents, requests } from "@/db/schema";
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
  const settled = await tx
    .update(requests)
    .set({
      status: p.status,
      updatedAt: p.now,
      ...(decision
        ? {
            decidedAt: p.now,
            decidedByUserId: p.deciderUserId,
            decisionMessage: p.message ?? null,
            familyUnreadCount: sql`${requests.familyUnreadCount} + 1`,
          }
        : {}),
    })
    .where(
      and(eq(requests.communeId, p.communeId), inArray(requests.id, [...p.requestIds]), eq(requests.status, "pending")),
    )
    .returning({ id: requests.id });
  if (settled.length === 0) return;
  await tx.insert(requestEvents).values(
    settled.map((r) => ({
      communeId: p.communeId,
      requestId: r.id,
      kind: p.status,
      actorSide: decision ? ("town" as const) : ("family" as const),
      actorUserId: decision ? p.deciderUserId : (p.familyUserId ?? null),
      message: decision ? (p.message ?? null) : null,
      createdAt: p.now,
    })),
  );
}

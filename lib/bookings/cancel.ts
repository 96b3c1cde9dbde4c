import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import type { Db } from "@/db/client";
import { bookingEvents, bookings, requests } from "@/db/schema";
import { currentTime } from "@/lib/clock";
import { retryOnAbort } from "@/lib/database/retry";
import { PENDING_STATUSES } from "@/lib/planning/slot-state";
import { settleRequests } from "./settle";
import { lockActivities } from "./waiting-list";

/*
 * A family takes back what the town has not answered yet: a requested day is cancelled (the slot is free again),
 * an absence request is dropped (the day stays booked). Decided days are never touched.
 */

interface Scope {
  communeId: string;
  householdId: string;
  userId: string;
}

async function cancelPendingDays(tx: Db, scope: Scope, where: ReturnType<typeof and>, now: Date): Promise<string[]> {
  const mine = and(eq(bookings.communeId, scope.communeId), eq(bookings.householdId, scope.householdId), where);
  // The agents' decisions lock the activity, then the days: the same order here, so exactly one of the two
  // acts on a day and the other reads what it did.
  const candidates = await tx
    .select({ id: bookings.id })
    .from(bookings)
    .where(and(mine, inArray(bookings.status, [...PENDING_STATUSES])));
  if (candidates.length === 0) return [];
  await lockActivities(tx, { communeId: scope.communeId, bookingIds: candidates.map((c) => c.id) });
  const lines = await tx
    .select({ id: bookings.id, status: bookings.status, requestId: bookings.requestId })
    .from(bookings)
    .where(and(mine, inArray(bookings.status, [...PENDING_STATUSES])))
    .for("update");
  if (lines.length === 0) return [];
  for (const [from, to] of [
    ["requested", "cancelled"],
    ["absence_requested", "booked"],
  ] as const) {
    const group = lines.filter((l) => l.status === from).map((l) => l.id);
    if (group.length) await tx.update(bookings).set({ status: to, updatedAt: now }).where(inArray(bookings.id, group));
  }
  await tx.insert(bookingEvents).values(
    lines.map((l) => ({
      communeId: scope.communeId,
      householdId: scope.householdId,
      bookingId: l.id,
      requestId: l.requestId,
      kind: "cancelled" as const,
      side: "family" as const,
      actorUserId: scope.userId,
      createdAt: now,
    })),
  );
  const requestIds = [...new Set(lines.flatMap((l) => (l.requestId ? [l.requestId] : [])))];
  await settleRequests(tx, {
    communeId: scope.communeId,
    requestIds,
    deciderUserId: null,
    familyUserId: scope.userId,
    now,
  });
  return lines.map((l) => l.id);
}

/** "Annuler la demande" on one slot of the planning. */
export async function cancelSlotRequest(
  db: Db,
  p: Scope & { bookingId: string; now?: Date },
): Promise<{ ok: true } | { ok: false; reason: "not_found" | "not_pending" }> {
  const now = p.now ?? currentTime();
  return retryOnAbort(() =>
    db.transaction(async (tx) => {
      const cancelled = await cancelPendingDays(tx, p, eq(bookings.id, p.bookingId), now);
      if (cancelled.length) return { ok: true as const };
      const [existing] = await tx
        .select({ id: bookings.id })
        .from(bookings)
        .where(
          and(
            eq(bookings.id, p.bookingId),
            eq(bookings.communeId, p.communeId),
            eq(bookings.householdId, p.householdId),
          ),
        );
      return { ok: false as const, reason: existing ? ("not_pending" as const) : ("not_found" as const) };
    }),
  );
}

/** "Retirer" a whole booking or absence request from Mes demandes: every day still pending is cancelled. */
export async function withdrawBookingRequest(
  db: Db,
  p: Scope & { requestId: string; now?: Date },
): Promise<{ ok: true } | { ok: false; reason: "not_found" | "not_pending" }> {
  const now = p.now ?? currentTime();
  return retryOnAbort(() =>
    db.transaction(async (tx) => {
      const [request] = await tx
        .select({ status: requests.status })
        .from(requests)
        .where(
          and(
            eq(requests.id, p.requestId),
            eq(requests.communeId, p.communeId),
            eq(requests.householdId, p.householdId),
          ),
        );
      if (!request) return { ok: false as const, reason: "not_found" as const };
      const cancelled = await cancelPendingDays(tx, p, eq(bookings.requestId, p.requestId), now);
      return cancelled.length ? { ok: true as const } : { ok: false as const, reason: "not_pending" as const };
    }),
  );
}

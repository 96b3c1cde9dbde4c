import "server-only";
import { and, asc, eq, inArray } from "drizzle-orm";
import type { Db } from "@/db/client";
import {
  type Booking,
  type BookingEventKind,
  type BookingStatus,
  bookingEvents,
  bookings,
  requests,
} from "@/db/schema";
import { recordAudit } from "@/lib/audit/record";
import { currentTime } from "@/lib/clock";
import { retryOnAbort } from "@/lib/database/retry";
import { PENDING_STATUSES } from "@/lib/planning/slot-state";
import { isStaffOf } from "@/lib/requests/records";
import { settleRequests } from "./settle";
import { changePlaces, lockActivities, placesTaken, promoteWaitingList } from "./waiting-list";

/*
 * Agents accept or refuse pending days, one or many at once. Capacity is honoured under the activity's row lock:
 * a booking accepted on a full day goes to the waiting list; an accepted absence frees a place for it.
 * Every change of a booking's status holds its activity's lock first, then the booking rows (the family's
 * cancellation too): a day the family cancelled meanwhile is read as no longer pending, never decided over. A
 * family's new request holds the activity in share mode and locks only its days (lockActivityDays): it waits for
 * a decision on the activity, and a decision for it.
 */

export type DecisionOutcome =
  | "accepted"
  | "waitlisted"
  | "refused"
  | "absence_accepted"
  | "absence_refused"
  | "not_pending";
export type DecideBookingsResult =
  | { ok: true; results: { bookingId: string; outcome: DecisionOutcome }[] }
  | { ok: false; reason: "forbidden" | "message_required" };

interface Change {
  booking: Booking;
  status: BookingStatus;
  event: BookingEventKind;
  outcome: DecisionOutcome;
}

/** The absence days the request said would be billed (asked after the cancellation deadline). */
async function billedDaysOf(tx: Db, communeId: string, requestIds: string[]): Promise<Map<string, Set<string>>> {
  if (requestIds.length === 0) return new Map();
  const rows = await tx
    .select({ id: requests.id, payload: requests.payload })
    .from(requests)
    .where(and(eq(requests.communeId, communeId), inArray(requests.id, requestIds)));
  return new Map(
    rows.map((r) => [r.id, new Set(Array.isArray(r.payload.billedDays) ? (r.payload.billedDays as string[]) : [])]),
  );
}

export async function decideBookings(
  db: Db,
  p: {
    communeId: string;
    agentUserId: string;
    bookingIds: string[];
    decision: "accept" | "refuse";
    message?: string | null;
    now?: Date;
  },
): Promise<DecideBookingsResult> {
  const now = p.now ?? currentTime();
  const message = p.message?.trim() || null;
  if (p.decision === "refuse" && !message) return { ok: false, reason: "message_required" };
  if (!(await isStaffOf(db, p.communeId, p.agentUserId))) return { ok: false, reason: "forbidden" };
  const ids = [...new Set(p.bookingIds)];
  if (ids.length === 0) return { ok: true, results: [] };

  return retryOnAbort(() =>
    db.transaction(async (tx) => {
      const outcomes = new Map<string, DecisionOutcome>(ids.map((id) => [id, "not_pending"]));
      const touchedRequests = new Set<string>();
      for (const activity of await lockActivities(tx, { communeId: p.communeId, bookingIds: ids })) {
        const activityId = activity.id;
        const lines = await tx
          .select()
          .from(bookings)
          .where(
            and(
              eq(bookings.communeId, p.communeId),
              eq(bookings.activityId, activityId),
              inArray(bookings.id, ids),
              inArray(bookings.status, [...PENDING_STATUSES]),
            ),
          )
          .orderBy(asc(bookings.date), asc(bookings.createdAt))
          .for("update");
        if (lines.length === 0) continue;
        const taken = await placesTaken(tx, { communeId: p.communeId, activityId, days: lines.map((l) => l.date) });
        const billed = await billedDaysOf(tx, p.communeId, [
          ...new Set(lines.flatMap((l) => (l.requestId ? [l.requestId] : []))),
        ]);
        const changes = lines.map((booking): Change => {
          if (booking.status === "absence_requested") {
            if (p.decision === "refuse")
              return { booking, status: "booked", event: "absence_refused", outcome: "absence_refused" };
            const isBilled = booking.requestId !== null && (billed.get(booking.requestId)?.has(booking.date) ?? false);
            return {
              booking,
              status: isBilled ? "absent_billed" : "absent",
              event: "absence_accepted",
              outcome: "absence_accepted",
            };
          }
          if (p.decision === "refuse") return { booking, status: "refused", event: "refused", outcome: "refused" };
          const used = taken.get(booking.date) ?? 0;
          if (activity.capacity !== null && used >= activity.capacity)
            return { booking, status: "waiting", event: "waitlisted", outcome: "waitlisted" };
          taken.set(booking.date, used + 1);
          return { booking, status: "booked", event: "accepted", outcome: "accepted" };
        });

        for (const status of new Set(changes.map((c) => c.status))) {
          const group = changes.filter((c) => c.status === status).map((c) => c.booking.id);
          await tx
            .update(bookings)
            .set({ status, updatedAt: now, ...(status === "waiting" ? { waitingSince: now } : {}) })
            .where(and(inArray(bookings.id, group), inArray(bookings.status, [...PENDING_STATUSES])));
        }
        await tx.insert(bookingEvents).values(
          changes.map((c) => ({
            communeId: p.communeId,
            householdId: c.booking.householdId,
            bookingId: c.booking.id,
            requestId: c.booking.requestId,
            kind: c.event,
            side: "town" as const,
            actorUserId: p.agentUserId,
            message,
            createdAt: now,
          })),
        );
        for (const c of changes) {
          outcomes.set(c.booking.id, c.outcome);
          if (c.booking.requestId) touchedRequests.add(c.booking.requestId);
        }
        const taking = changes.filter((c) => c.outcome === "accepted").map((c) => c.booking.date);
        const freed = changes.filter((c) => c.outcome === "absence_accepted").map((c) => c.booking.date);
        await changePlaces(tx, { communeId: p.communeId, activityId, days: taking, delta: 1 });
        await changePlaces(tx, { communeId: p.communeId, activityId, days: freed, delta: -1 });
        await promoteWaitingList(tx, { communeId: p.communeId, activity, days: freed, now });
      }

      await settleRequests(tx, {
        communeId: p.communeId,
        requestIds: [...touchedRequests],
        deciderUserId: p.agentUserId,
        message,
        now,
      });
      const results = ids.map((bookingId) => ({ bookingId, outcome: outcomes.get(bookingId)! }));
      const decided = results.filter((r) => r.outcome !== "not_pending");
      if (decided.length) {
        const counts = Object.fromEntries(
          [...new Set(decided.map((r) => r.outcome))].map((o) => [o, decided.filter((r) => r.outcome === o).length]),
        );
        await recordAudit(tx, {
          communeId: p.communeId,
          actorUserId: p.agentUserId,
          action: "booking.decided",
          targetType: "booking",
          targetId: decided[0]!.bookingId,
          details: {
            decision: p.decision,
            counts,
            bookingIds: decided.map((r) => r.bookingId),
            requestIds: [...touchedRequests],
            message,
          },
        });
      }
      return { ok: true as const, results };
    }),
  );
}

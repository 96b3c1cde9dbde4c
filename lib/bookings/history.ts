import "server-only";
import { and, asc, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { bookingEvents, bookings, requests, users } from "@/db/schema";
import { BOOKING_EVENT_LABELS } from "@/lib/planning/labels";
import type { SlotHistoryEntry } from "./types";

/** A slot's history for the family that owns it; null for another household's (or commune's) slot. */
export async function loadSlotHistory(
  db: Db,
  p: { communeId: string; householdId: string; bookingId: string },
): Promise<SlotHistoryEntry[] | null> {
  const [owned] = await db
    .select({ id: bookings.id })
    .from(bookings)
    .where(
      and(eq(bookings.id, p.bookingId), eq(bookings.communeId, p.communeId), eq(bookings.householdId, p.householdId)),
    );
  if (!owned) return null;
  const rows = await db
    .select({
      kind: bookingEvents.kind,
      side: bookingEvents.side,
      message: bookingEvents.message,
      at: bookingEvents.createdAt,
      firstName: users.firstName,
      lastName: users.lastName,
      role: users.role,
      reference: requests.reference,
    })
    .from(bookingEvents)
    .leftJoin(users, and(eq(users.id, bookingEvents.actorUserId), eq(users.communeId, p.communeId)))
    .leftJoin(requests, and(eq(requests.id, bookingEvents.requestId), eq(requests.communeId, p.communeId)))
    .where(and(eq(bookingEvents.bookingId, owned.id), eq(bookingEvents.communeId, p.communeId)))
    // Events of one transaction share a timestamp: the enum's order (request before decision) breaks the tie.
    .orderBy(asc(bookingEvents.createdAt), asc(bookingEvents.kind));
  return rows.map((r) => ({
    kind: r.kind,
    label: BOOKING_EVENT_LABELS[r.kind],
    side: r.side,
    // Families see "la collectivité" rather than an agent's name; their own accounts are named.
    actorName:
      r.side === "family" && r.firstName
        ? `${r.firstName} ${r.lastName}`
        : r.side === "family"
          ? null
          : "La collectivité",
    message: r.message,
    requestReference: r.reference,
    at: r.at,
  }));
}

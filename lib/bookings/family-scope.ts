import "server-only";
import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { bookings, children, subscriptions } from "@/db/schema";

/*
 * A family action names a child or a slot; the household it acts on is the one that owns it AND that the
 * account is subscribed to in this commune. An id from anywhere else resolves to null ("not found").
 */

export async function householdOfChild(
  db: Db,
  p: { communeId: string; userId: string; childId: string },
): Promise<string | null> {
  const [row] = await db
    .select({ householdId: children.householdId })
    .from(children)
    .innerJoin(
      subscriptions,
      and(
        eq(subscriptions.householdId, children.householdId),
        eq(subscriptions.userId, p.userId),
        eq(subscriptions.communeId, p.communeId),
      ),
    )
    .where(and(eq(children.id, p.childId), eq(children.communeId, p.communeId)));
  return row?.householdId ?? null;
}

export async function householdOfBooking(
  db: Db,
  p: { communeId: string; userId: string; bookingId: string },
): Promise<string | null> {
  const [row] = await db
    .select({ householdId: bookings.householdId })
    .from(bookings)
    .innerJoin(
      subscriptions,
      and(
        eq(subscriptions.householdId, bookings.householdId),
        eq(subscriptions.userId, p.userId),
        eq(subscriptions.communeId, p.communeId),
      ),
    )
    .where(and(eq(bookings.id, p.bookingId), eq(bookings.communeId, p.communeId)));
  return row?.householdId ?? null;
}

import "server-only";
import { and, asc, eq, sql } from "drizzle-orm";
import type { PgColumn, PgTable } from "drizzle-orm/pg-core";
import type { Db } from "@/db/client";
import { bookings, children, households, invoices, subscriptions } from "@/db/schema";
import { preparedPerDatabase } from "@/lib/database/prepared";

/**
 * The household a family screen or action works on is always one the account is subscribed to in this commune:
 * an id sent by the browser is only a choice among those, never trusted on its own.
 */

export interface SubscribedHousehold {
  id: string;
  name: string;
}

/** Every family page's first read after the session's: built once (lib/database/prepared.ts). */
const subscribedHouseholdsOf = preparedPerDatabase((db) =>
  db
    .select({ id: households.id, name: households.name })
    .from(subscriptions)
    .innerJoin(
      households,
      and(eq(households.id, subscriptions.householdId), eq(households.communeId, sql.placeholder("communeId"))),
    )
    .where(
      and(
        eq(subscriptions.communeId, sql.placeholder("communeId")),
        eq(subscriptions.userId, sql.placeholder("userId")),
      ),
    )
    .orderBy(asc(households.name), asc(households.id))
    .prepare("subscribed_households_of"),
);

export async function listSubscribedHouseholds(
  db: Db,
  params: { communeId: string; userId: string },
): Promise<SubscribedHousehold[]> {
  return subscribedHouseholdsOf(db).execute({ communeId: params.communeId, userId: params.userId });
}

/** For pages: the household asked for in the URL (?famille=) if subscribed, else the first one; null without any. */
export async function chooseSubscribedHousehold(
  db: Db,
  params: { communeId: string; userId: string; requested?: string | string[] },
) {
  const all = await listSubscribedHouseholds(db, params);
  if (all.length === 0) return null;
  const requested = typeof params.requested === "string" ? params.requested : undefined;
  return { current: all.find((h) => h.id === requested) ?? all[0]!, all };
}

/**
 * What a family form names to say which household it acts on: the household itself, a child, a slot or an invoice
 * of it.
 */
export type HouseholdPointer = "householdId" | "childId" | "bookingId" | "invoiceId";

type Owner = { table: PgTable; id: PgColumn; householdId: PgColumn; communeId: PgColumn };
const owners: Record<HouseholdPointer, Owner> = {
  householdId: { table: households, id: households.id, householdId: households.id, communeId: households.communeId },
  childId: { table: children, id: children.id, householdId: children.householdId, communeId: children.communeId },
  bookingId: { table: bookings, id: bookings.id, householdId: bookings.householdId, communeId: bookings.communeId },
  invoiceId: { table: invoices, id: invoices.id, householdId: invoices.householdId, communeId: invoices.communeId },
};

/**
 * The household that owns this household, child, slot or invoice id, if the account is subscribed to it in this commune;
 * null for an id from anywhere else ("not found").
 */
export async function findSubscribedHouseholdId(
  db: Db,
  params: { communeId: string; userId: string; pointer: HouseholdPointer; id: string },
): Promise<string | null> {
  const owner = owners[params.pointer];
  const [row] = await db
    .select({ householdId: owner.householdId })
    .from(owner.table)
    .innerJoin(
      subscriptions,
      and(
        eq(subscriptions.householdId, owner.householdId),
        eq(subscriptions.userId, params.userId),
        eq(subscriptions.communeId, params.communeId),
      ),
    )
    .where(and(eq(owner.id, params.id), eq(owner.communeId, params.communeId)))
    .limit(1);
  return (row?.householdId as string | undefined) ?? null;
}

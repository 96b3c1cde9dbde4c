import "server-only";
import { and, asc, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { households, subscriptions } from "@/db/schema";

/**
 * The household a family screen or action works on is always one the account is subscribed to in this commune:
 * an id sent by the browser is only a choice among those, never trusted on its own.
 */

export interface SubscribedHousehold {
  id: string;
  name: string;
}

export async function listSubscribedHouseholds(
  db: Db,
  params: { communeId: string; userId: string },
): Promise<SubscribedHousehold[]> {
  return db
    .select({ id: households.id, name: households.name })
    .from(subscriptions)
    .innerJoin(
      households,
      and(eq(households.id, subscriptions.householdId), eq(households.communeId, params.communeId)),
    )
    .where(and(eq(subscriptions.communeId, params.communeId), eq(subscriptions.userId, params.userId)))
    .orderBy(asc(households.name), asc(households.id));
}

/** The household of this id if the account is subscribed to it, else null. */
export async function findSubscribedHousehold(
  db: Db,
  params: { communeId: string; userId: string; householdId: string },
): Promise<SubscribedHousehold | null> {
  const all = await listSubscribedHouseholds(db, params);
  return all.find((h) => h.id === params.householdId) ?? null;
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

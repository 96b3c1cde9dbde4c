import "server-only";
import { and, asc, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { children, guardians, households, subscriptions, users } from "@/db/schema";

export type HouseholdDetail = NonNullable<Awaited<ReturnType<typeof findHouseholdDetail>>>;

/** A household of this commune for the agents, with its members and linked accounts; null if not of this commune. */
export async function findHouseholdDetail(db: Db, params: { communeId: string; householdId: string }) {
  const [household] = await db
    .select()
    .from(households)
    .where(and(eq(households.id, params.householdId), eq(households.communeId, params.communeId)));
  if (!household) return null;
  const inHousehold = <T extends typeof guardians | typeof children | typeof subscriptions>(table: T) =>
    and(eq(table.householdId, household.id), eq(table.communeId, params.communeId));
  const [guardianRows, childRows, accounts] = await Promise.all([
    db.select().from(guardians).where(inHousehold(guardians)).orderBy(asc(guardians.rank)),
    db.select().from(children).where(inHousehold(children)).orderBy(asc(children.birthDate)),
    db
      .select({
        userId: users.id,
        civility: users.civility,
        firstName: users.firstName,
        lastName: users.lastName,
        email: users.email,
        method: subscriptions.method,
        since: subscriptions.createdAt,
      })
      .from(subscriptions)
      .innerJoin(users, and(eq(users.id, subscriptions.userId), eq(users.communeId, params.communeId)))
      .where(inHousehold(subscriptions))
      .orderBy(asc(subscriptions.createdAt)),
  ]);
  return { ...household, guardians: guardianRows, children: childRows, accounts };
}

import "server-only";
import { and, asc, eq, inArray } from "drizzle-orm";
import type { Db } from "@/db/client";
import { children, guardians, households, subscriptions } from "@/db/schema";

export type HouseholdSummary = Awaited<ReturnType<typeof listSubscribedHouseholdSummaries>>[number];

/** The households this account is subscribed to in this commune, with their responsables and children. */
export async function listSubscribedHouseholdSummaries(db: Db, params: { communeId: string; userId: string }) {
  const linked = await db
    .select({ id: households.id, name: households.name })
    .from(subscriptions)
    .innerJoin(
      households,
      and(eq(households.id, subscriptions.householdId), eq(households.communeId, params.communeId)),
    )
    .where(and(eq(subscriptions.communeId, params.communeId), eq(subscriptions.userId, params.userId)))
    .orderBy(asc(households.name));
  if (linked.length === 0) return [];
  const ids = linked.map((h) => h.id);
  const [guardianRows, childRows] = await Promise.all([
    db
      .select({
        householdId: guardians.householdId,
        civility: guardians.civility,
        firstName: guardians.firstName,
        lastName: guardians.lastName,
        quality: guardians.quality,
      })
      .from(guardians)
      .where(and(eq(guardians.communeId, params.communeId), inArray(guardians.householdId, ids)))
      .orderBy(asc(guardians.rank)),
    db
      .select({
        householdId: children.householdId,
        firstName: children.firstName,
        lastName: children.lastName,
        birthDate: children.birthDate,
        school: children.school,
        schoolClass: children.schoolClass,
      })
      .from(children)
      .where(and(eq(children.communeId, params.communeId), inArray(children.householdId, ids)))
      .orderBy(asc(children.birthDate)),
  ]);
  return linked.map((household) => ({
    ...household,
    guardians: guardianRows.filter((g) => g.householdId === household.id),
    children: childRows.filter((c) => c.householdId === household.id),
  }));
}

import "server-only";
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import type { Db } from "@/db/client";
import { authorizedAdults, children, guardians, requests } from "@/db/schema";

/*
 * The Dossier famille overview: who is in each household and whether a change waits for the town, without the
 * whole file (health, authorisations, bank, photos) that each member's own screen reads with readFamilyFile. Four
 * queries for all the households together. Scoped by commune AND household.
 */

type GuardianSummary = Pick<typeof guardians.$inferSelect, "id" | "civility" | "firstName" | "lastName" | "quality">;

export interface FamilyFileSummary {
  guardians: (GuardianSummary & { pending: boolean })[];
  /** A child is pending when its record, its vaccinations or one of its authorised adults waits for the town. */
  children: { id: string; firstName: string; lastName: string; pending: boolean }[];
}

/** The summaries of `householdIds` (already checked to be the account's), in the same order. */
export async function readFamilyFileSummaries(
  db: Db,
  p: { communeId: string; householdIds: string[] },
): Promise<FamilyFileSummary[]> {
  if (p.householdIds.length === 0) return [];
  const owned = (t: { communeId: AnyPgColumn; householdId: AnyPgColumn }) =>
    and(eq(t.communeId, p.communeId), inArray(t.householdId, p.householdIds));
  const [guardianRows, childRows, adultRows, pendingRows] = await Promise.all([
    db
      .select({
        householdId: guardians.householdId,
        id: guardians.id,
        civility: guardians.civility,
        firstName: guardians.firstName,
        lastName: guardians.lastName,
        quality: guardians.quality,
      })
      .from(guardians)
      .where(owned(guardians))
      .orderBy(asc(guardians.rank)),
    db
      .select({
        householdId: children.householdId,
        id: children.id,
        firstName: children.firstName,
        lastName: children.lastName,
      })
      .from(children)
      .where(owned(children))
      .orderBy(asc(children.birthDate)),
    db
      .select({ id: authorizedAdults.id, childId: authorizedAdults.childId })
      .from(authorizedAdults)
      .where(owned(authorizedAdults)),
    db
      .select({
        type: requests.type,
        targetId: requests.targetId,
        childId: sql<string | null>`${requests.payload}->>'childId'`,
      })
      .from(requests)
      .where(and(owned(requests), eq(requests.status, "pending"))),
  ]);

  // What a pending request is about: its target, or the child an adult is being added to.
  const pendingTargets = new Set(
    pendingRows.map((r) => (r.type === "authorized_adult.add" ? `child:${r.childId}` : `${r.type}:${r.targetId}`)),
  );
  const adultPending = (a: { id: string }) =>
    pendingTargets.has(`authorized_adult.update:${a.id}`) || pendingTargets.has(`authorized_adult.remove:${a.id}`);
  const childPending = (id: string) =>
    pendingTargets.has(`child.update:${id}`) ||
    pendingTargets.has(`vaccinations.update:${id}`) ||
    pendingTargets.has(`child:${id}`) ||
    adultRows.some((a) => a.childId === id && adultPending(a));

  return p.householdIds.map((householdId) => ({
    guardians: guardianRows
      .filter((g) => g.householdId === householdId)
      .map(({ householdId: _, ...g }) => ({ ...g, pending: pendingTargets.has(`guardian.update:${g.id}`) })),
    children: childRows
      .filter((c) => c.householdId === householdId)
      .map(({ householdId: _, ...c }) => ({ ...c, pending: childPending(c.id) })),
  }));
}

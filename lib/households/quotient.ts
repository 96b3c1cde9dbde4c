import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { households } from "@/db/schema";
import { type AuditAction, recordAudit } from "@/lib/audit/record";

export const QUOTIENT_CHANGED_ACTION = "household.quotient_changed" satisfies AuditAction;

export type QuotientChange = { before: number | null; after: number };

/**
 * An agent sets a household's quotient familial (read-only for families). The change and its audit row
 * (before/after) are written together; an unchanged value writes nothing. Null when the household is not of this commune.
 */
export async function updateFamilyQuotient(
  db: Db,
  params: { communeId: string; householdId: string; actorUserId: string; familyQuotient: number },
): Promise<QuotientChange | null> {
  return db.transaction(async (tx) => {
    const ofCommune = and(eq(households.id, params.householdId), eq(households.communeId, params.communeId));
    const [current] = await tx
      .select({ familyQuotient: households.familyQuotient })
      .from(households)
      .where(ofCommune)
      .for("update");
    if (!current) return null;
    const change = { before: current.familyQuotient, after: params.familyQuotient };
    if (change.before === change.after) return change;
    await tx.update(households).set({ familyQuotient: change.after, updatedAt: sql`now()` }).where(ofCommune);
    await recordAudit(tx, {
      communeId: params.communeId,
      actorUserId: params.actorUserId,
      action: QUOTIENT_CHANGED_ACTION,
      targetType: "household",
      targetId: params.householdId,
      details: { householdId: params.householdId, familyQuotient: change },
    });
    return change;
  });
}

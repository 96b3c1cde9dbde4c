import "server-only";
import { and, eq, isNotNull, isNull, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { households } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record";

/*
 * A household's file is closed when the family leaves: its documents are then kept for the commune's retention
 * period and deleted by the retention job (lib/documents/jobs.ts). Conditional updates: two agents closing at once
 * record one closure.
 */

/** "Clôturer le dossier": sets closedAt (starting the documents' retention), audited; false when not a household of the commune or already closed. */
export async function closeHousehold(
  db: Db,
  params: { communeId: string; agentUserId: string; householdId: string },
): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(households)
      .set({ closedAt: sql`now()`, updatedAt: sql`now()` })
      .where(
        and(
          eq(households.id, params.householdId),
          eq(households.communeId, params.communeId),
          isNull(households.closedAt),
        ),
      )
      .returning({ id: households.id, closedAt: households.closedAt });
    if (!row) return false;
    await recordAudit(tx, {
      communeId: params.communeId,
      actorUserId: params.agentUserId,
      action: "household.closed",
      targetType: "household",
      targetId: row.id,
      details: { householdId: row.id, closedAt: row.closedAt },
    });
    return true;
  });
}

/** "Rouvrir le dossier": clears closedAt, audited; false when not of the commune or not closed. */
export async function reopenHousehold(
  db: Db,
  params: { communeId: string; agentUserId: string; householdId: string },
): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [before] = await tx
      .select({ closedAt: households.closedAt })
      .from(households)
      .where(and(eq(households.id, params.householdId), eq(households.communeId, params.communeId)))
      .for("update");
    if (!before?.closedAt) return false;
    const [row] = await tx
      .update(households)
      .set({ closedAt: null, updatedAt: sql`now()` })
      .where(
        and(
          eq(households.id, params.householdId),
          eq(households.communeId, params.communeId),
          isNotNull(households.closedAt),
        ),
      )
      .returning({ id: households.id });
    if (!row) return false;
    await recordAudit(tx, {
      communeId: params.communeId,
      actorUserId: params.agentUserId,
      action: "household.reopened",
      targetType: "household",
      targetId: row.id,
      details: { householdId: row.id, closedAt: before.closedAt },
    });
    return true;
  });
}

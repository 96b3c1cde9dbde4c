import "server-only";
import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { households } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record";
import { isUniqueViolation } from "@/lib/database/errors";
import { generateSubscriberCode } from "./subscriber-code";

const MAX_ATTEMPTS = 5;

/**
 * Gives a household of this commune a new code abonné (the old one stops working; existing subscriptions stay)
 * and records who did it. A new code colliding with another household's is drawn again.
 * Returns null when the household is not of this commune.
 */
export async function regenerateSubscriberCode(
  db: Db,
  params: { communeId: string; householdId: string; actorUserId: string; generateCode?: () => string },
): Promise<{ code: string } | null> {
  const generate = params.generateCode ?? generateSubscriberCode;
  for (let attempt = 1; ; attempt++) {
    const code = generate();
    try {
      return await db.transaction(async (tx) => {
        const [updated] = await tx
          .update(households)
          .set({ subscriberCode: code, updatedAt: new Date() })
          .where(and(eq(households.id, params.householdId), eq(households.communeId, params.communeId)))
          .returning({ id: households.id });
        if (!updated) return null;
        await recordAudit(tx, {
          communeId: params.communeId,
          actorUserId: params.actorUserId,
          action: "household.code_regenerated",
          targetType: "household",
          targetId: updated.id,
        });
        return { code };
      });
    } catch (error) {
      if (attempt < MAX_ATTEMPTS && isUniqueViolation(error)) continue;
      throw error;
    }
  }
}

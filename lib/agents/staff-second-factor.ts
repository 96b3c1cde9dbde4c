import "server-only";
import { and, eq, inArray, ne } from "drizzle-orm";
import type { Db } from "@/db/client";
import { communes, recoveryCodes, totpFactors, users } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record";
import { staffRoles } from "@/lib/auth/session";
import { revokeAccountSessions } from "@/lib/auth/sessions";

type AdminScope = { communeId: string; actorUserId: string };

/**
 * "Réinitialiser la double authentification" of a colleague who lost their phone and recovery codes: their
 * factor and codes are deleted and their sessions end; at the next login they enrol again if they must.
 * Never an admin's own (another admin has to do it), never another commune's account.
 */
export async function resetStaffSecondFactor(
  db: Db,
  p: AdminScope & { userId: string },
): Promise<"reset" | "self" | "not_found"> {
  if (p.userId === p.actorUserId) return "self";
  return db.transaction(async (tx) => {
    const [staff] = await tx
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.id, p.userId), eq(users.communeId, p.communeId), inArray(users.role, staffRoles)));
    if (!staff) return "not_found";
    const deleted = await tx
      .delete(totpFactors)
      .where(and(eq(totpFactors.userId, staff.id), eq(totpFactors.communeId, p.communeId)))
      .returning({ userId: totpFactors.userId });
    if (!deleted.length) return "not_found";
    await tx
      .delete(recoveryCodes)
      .where(and(eq(recoveryCodes.userId, staff.id), eq(recoveryCodes.communeId, p.communeId)));
    await revokeAccountSessions(tx, { communeId: p.communeId, userId: staff.id });
    await recordAudit(tx, {
      communeId: p.communeId,
      actorUserId: p.actorUserId,
      action: "account.second_factor_reset",
      targetType: "user",
      targetId: staff.id,
    });
    return "reset";
  });
}

/** "Exiger la double authentification pour les agents"; audited when it changes. */
export async function setAgentSecondFactorRequirement(db: Db, p: AdminScope & { required: boolean }): Promise<void> {
  await db.transaction(async (tx) => {
    const changed = await tx
      .update(communes)
      .set({ requireAgentSecondFactor: p.required })
      .where(and(eq(communes.id, p.communeId), ne(communes.requireAgentSecondFactor, p.required)))
      .returning({ id: communes.id });
    if (!changed.length) return;
    await recordAudit(tx, {
      communeId: p.communeId,
      actorUserId: p.actorUserId,
      action: "commune.agent_second_factor_changed",
      targetType: "commune",
      targetId: p.communeId,
      details: { required: p.required },
    });
  });
}

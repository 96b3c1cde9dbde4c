import "server-only";
import type { Db } from "@/db/client";
import { auditLog } from "@/db/schema";

/** The staff actions the audit trail records. */
export type AuditAction =
  | "household.code_regenerated"
  | "account.created"
  | "account.invitation_resent"
  | "account.disabled"
  | "account.reactivated";

/** One audit_log row; pass the transaction doing the change so both are written or neither. */
export async function recordAudit(
  db: Db,
  entry: { communeId: string; actorUserId: string; action: AuditAction; targetType: "household" | "user"; targetId: string; details?: Record<string, unknown> },
): Promise<void> {
  await db.insert(auditLog).values(entry);
}

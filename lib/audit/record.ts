import "server-only";
import type { Db } from "@/db/client";
import { auditLog } from "@/db/schema";

/** Everything the audit trail records: staff actions, changes to a family file, reads of children's health data. */
export type AuditAction =
  | "household.code_regenerated"
  | "household.quotient_changed"
  | "account.created"
  | "account.invitation_resent"
  | "account.disabled"
  | "account.reactivated"
  | "account.second_factor_enabled"
  | "account.second_factor_reset"
  | "account.recovery_code_used"
  | "commune.agent_second_factor_changed"
  | "commune.look_changed"
  | "commune.logo_changed"
  | "family_file.changed"
  | "child.photo_changed"
  | "request.accepted"
  | "request.refused"
  | "child.health_read"
  | "activity.created"
  | "activity.updated"
  | "closure.added"
  | "closure.removed"
  | "enrolment.created"
  | "enrolment.updated"
  | "booking.decided"
  | "calendar_feed.created"
  | "calendar_feed.revoked"
  | "payment.recorded"
  | "payment.cancelled"
  | "invoice.credit_note"
  | "invoice.transmitted_to_treasury"
  | "billing.regie_created"
  | "billing.regie_updated"
  | "billing.nature_created"
  | "billing.nature_updated"
  | "billing.activity_nature_changed"
  | "billing.tariff_saved"
  | "billing.direct_debit_exported"
  | "billing.run_issued"
  | "billing.online_payment_flag_resolved"
  | "document.uploaded"
  | "document.validated"
  | "document.refused"
  | "document.health_read"
  | "document.type_saved"
  | "document.settings_changed"
  | "document.retention_deleted"
  | "household.closed"
  | "household.reopened"
  | "nursery.structure_created"
  | "nursery.structure_changed"
  | "nursery.settings_changed"
  | "nursery.commission_decided";

export type AuditEntry = {
  communeId: string;
  /** Null for what the portal does by itself (the retention job). */
  actorUserId: string | null;
  action: AuditAction;
  /** What the row is about: "household", "user", "request", "commune", or the family-file record a request targets. */
  targetType: string;
  targetId: string;
  details?: Record<string, unknown>;
};

/** One audit_log row; pass the transaction doing the change so both are written or neither. */
export async function recordAudit(db: Db, entry: AuditEntry): Promise<void> {
  await db.insert(auditLog).values(entry);
}

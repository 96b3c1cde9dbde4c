import type { AuditAction } from "@/lib/audit/record";
import { formatDate, formatEuros } from "@/lib/format";

/** The audit trail's actions as the admins read them, in French: every action has one (the type says so). */
export const AUDIT_ACTION_LABELS: Record<AuditAction, string> = {
  "request.accepted": "Demande acceptée",
  "request.refused": "Demande refusée",
  "family_file.changed": "Dossier famille modifié (demande acceptée)",
  "child.photo_changed": "Photo d'un enfant modifiée par la famille",
  "household.quotient_changed": "Quotient familial modifié",
  "household.code_regenerated": "Code abonné régénéré",
  "child.health_read": "Consultation des données de santé",
  "document.uploaded": "Pièce justificative déposée par la famille",
  "document.validated": "Pièce justificative validée",
  "document.refused": "Pièce justificative refusée",
  "document.health_read": "Consultation d'une pièce de santé",
  "document.type_saved": "Type de pièce justificative enregistré",
  "document.settings_changed": "Durée de conservation des pièces modifiée",
  "document.retention_deleted": "Pièces supprimées (durée de conservation dépassée)",
  "nursery.structure_created": "Structure petite enfance créée",
  "nursery.structure_changed": "Structure petite enfance modifiée",
  "nursery.settings_changed": "Paramètres de la petite enfance modifiés",
  "nursery.commission_decided": "Décisions de commission petite enfance",
  "household.closed": "Dossier famille clôturé",
  "household.reopened": "Dossier famille rouvert",
  "account.created": "Compte agent créé",
  "account.invitation_resent": "Invitation renvoyée",
  "account.disabled": "Compte désactivé",
  "account.reactivated": "Compte réactivé",
  "account.second_factor_enabled": "Double authentification activée",
  "account.second_factor_reset": "Double authentification réinitialisée",
  "account.recovery_code_used": "Connexion avec un code de secours",
  "commune.agent_second_factor_changed": "Double authentification des agents modifiée",
  "commune.look_changed": "Couleur, expéditeur ou horaires de la commune modifiés",
  "commune.logo_changed": "Logo de la commune modifié",
  "activity.created": "Activité créée",
  "activity.updated": "Activité modifiée",
  "closure.added": "Jour de fermeture ajouté",
  "closure.removed": "Jour de fermeture supprimé",
  "enrolment.created": "Inscription à une activité créée",
  "enrolment.updated": "Inscription à une activité modifiée",
  "booking.decided": "Réservations ou absences traitées",
  "calendar_feed.created": "Lien d'agenda créé par la famille",
  "calendar_feed.revoked": "Lien d'agenda révoqué par la famille",
  "payment.recorded": "Règlement enregistré",
  "payment.cancelled": "Règlement annulé",
  "invoice.credit_note": "Facture annulée par un avoir",
  "invoice.transmitted_to_treasury": "Factures transmises en trésorerie",
  "billing.regie_created": "Régie créée",
  "billing.regie_updated": "Régie modifiée",
  "billing.nature_created": "Nature de facturation créée",
  "billing.nature_updated": "Nature de facturation modifiée",
  "billing.activity_nature_changed": "Nature de facturation d'une activité modifiée",
  "billing.tariff_saved": "Tarif d'une activité enregistré",
  "billing.direct_debit_exported": "Export des prélèvements (IBAN complets)",
  "billing.run_issued": "Factures du mois émises",
  "billing.online_payment_flag_resolved": "Paiement en ligne signalé marqué comme vérifié",
};

export function auditActionLabel(action: string): string {
  return AUDIT_ACTION_LABELS[action as AuditAction] ?? action;
}

export interface AuditDescription {
  target: string;
  detail: string | null;
}

type Details = Record<string, unknown> | null;

const text = (value: unknown) => (typeof value === "string" && value ? value : null);

/** What an audit row is about and what changed, from its target and details (all optional). */
export function describeAuditEntry(entry: {
  action: string;
  details: Details;
  householdName: string | null;
  targetUserName: string | null;
}): AuditDescription {
  const details = entry.details ?? {};
  const reference = text(details.reference);
  const target = [
    entry.householdName ? `Famille ${entry.householdName}` : null,
    reference ? `demande ${reference}` : null,
    entry.targetUserName ? `Compte de ${entry.targetUserName}` : null,
  ]
    .filter(Boolean)
    .join(", ");
  return { target: target || "–", detail: auditDetail(entry.action, details) };
}

function auditDetail(action: string, details: Record<string, unknown>): string | null {
  switch (action) {
    case "household.quotient_changed": {
      const change = details.familyQuotient as { before?: unknown; after?: unknown } | undefined;
      return change ? `${change.before ?? "non renseigné"} → ${change.after ?? "non renseigné"}` : null;
    }
    case "family_file.changed": {
      // Only the fields' names: the values may be health data, shown on the request's page alone.
      const changes = Array.isArray(details.changes) ? (details.changes as { label?: unknown }[]) : [];
      const labels = changes.map((c) => text(c.label)).filter(Boolean);
      return labels.length ? `Champs : ${labels.join(", ")}` : null;
    }
    case "request.refused":
    case "request.accepted":
      return text(details.message);
    case "payment.recorded":
    case "payment.cancelled":
    case "invoice.credit_note":
    case "invoice.transmitted_to_treasury":
    case "billing.online_payment_flag_resolved":
      return text(details.summary);
    case "commune.agent_second_factor_changed":
      return details.required ? "Exigée pour les agents" : "Facultative pour les agents";
    case "billing.direct_debit_exported": {
      const count = typeof details.count === "number" ? details.count : 0;
      return `${text(details.emissionCode) ?? "–"} : ${count} prélèvement(s)`;
    }
    case "billing.tariff_saved": {
      const name = text(details.name);
      const validFrom = text(details.validFrom);
      if (!name || !validFrom) return null;
      return `${name}, à partir du ${formatDate(validFrom)}${details.replaced ? " (tarif remplacé)" : ""}`;
    }
    case "child.health_read": {
      const count = Array.isArray(details.childIds) ? details.childIds.length : 0;
      return count ? `${count} enfant(s)` : null;
    }
    case "billing.run_issued": {
      const code = text(details.emissionCode);
      const count = typeof details.invoiceCount === "number" ? details.invoiceCount : null;
      const total = typeof details.totalCents === "number" ? details.totalCents : null;
      return code && count !== null && total !== null ? `${code} : ${count} facture(s), ${formatEuros(total)}` : code;
    }
    default:
      return null;
  }
}

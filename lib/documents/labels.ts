import type { DocumentAudience } from "@/db/schema";

/*
 * The words of the documents module, as families and agents read them (guides 000, 001): one place, so the
 * family's list, the agent's queue, the mails and the tests say the same thing.
 */

/** What a screen shows for a document: "À fournir" and "Expirée" are derived (lib/documents/rules.ts). */
export type DocumentDisplayState = "missing" | "pending" | "validated" | "refused" | "expired";

export const DOCUMENT_STATE_LABELS: Record<DocumentDisplayState, string> = {
  missing: "À fournir",
  pending: "En cours de vérification",
  validated: "Validée",
  refused: "Refusée",
  expired: "Expirée",
};

export const DOCUMENT_AUDIENCE_LABELS: Record<DocumentAudience, string> = {
  household: "Le foyer",
  child: "Chaque enfant",
  request: "Avec une demande",
};

/** "1 pièce à fournir", "2 pièces à fournir". */
export function missingDocumentsLabel(count: number): string {
  return count === 1 ? "1 pièce à fournir" : `${count} pièces à fournir`;
}

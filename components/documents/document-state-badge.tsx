import { DOCUMENT_STATE_LABELS, type DocumentDisplayState } from "@/lib/documents/labels";

/**
 * A mark beside the words of each state, so that no state is told by colour alone (shapes every system font has,
 * no emoji). The words themselves are DOCUMENT_STATE_LABELS, which screens and tests read.
 */
const STATE_MARKS: Record<DocumentDisplayState, string> = {
  missing: "○",
  pending: "◐",
  validated: "✓",
  refused: "✕",
  expired: "!",
};

const STATE_CLASSES: Record<DocumentDisplayState, string> = {
  missing: "badge",
  pending: "badge pending-value",
  validated: "badge badge--success",
  refused: "badge badge--danger",
  expired: "badge badge--danger",
};

/** A document's state as families and agents read it: "À fournir", "En cours de vérification", "Validée"… */
export function DocumentStateBadge({ state }: { state: DocumentDisplayState }) {
  return (
    <span className={STATE_CLASSES[state]} data-document-state={state}>
      <span aria-hidden="true">{STATE_MARKS[state]}</span> <span>{DOCUMENT_STATE_LABELS[state]}</span>
    </span>
  );
}

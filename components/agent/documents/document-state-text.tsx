import { DocumentStateBadge } from "@/components/documents/document-state-badge";
import type { DocumentState } from "@/db/schema";
import { DOCUMENT_STATE_LABELS } from "@/lib/documents/labels";
import { documentDisplayState } from "@/lib/documents/rules";
import type { IsoDay } from "@/lib/planning/days";

/** A stored state as the agents read it: "Expirée" past its expiry day; a replaced document is "Remplacée". */
export function documentStateLabel(
  document: { state: DocumentState; expiresOn: string | null },
  today: IsoDay,
): string {
  if (document.state === "replaced") return "Remplacée";
  return DOCUMENT_STATE_LABELS[documentDisplayState(document, today)];
}

/**
 * The state of a document in the agents' pages: the shared badge of the family's list, or "Remplacée" for a
 * document a newer one took the place of (which families never see).
 */
export function DocumentStateText({
  document,
  today,
}: {
  document: { state: DocumentState; expiresOn: string | null };
  today: IsoDay;
}) {
  if (document.state === "replaced") return <span className="badge">Remplacée</span>;
  return <DocumentStateBadge state={documentDisplayState(document, today)} />;
}

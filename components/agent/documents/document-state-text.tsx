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

/** The state of a document in a line of the agents' lists. */
export function DocumentStateText({
  document,
  today,
}: {
  document: { state: DocumentState; expiresOn: string | null };
  today: IsoDay;
}) {
  const label = documentStateLabel(document, today);
  const tone =
    document.state === "refused"
      ? " badge--danger"
      : document.state === "validated" && label === DOCUMENT_STATE_LABELS.validated
        ? " badge--success"
        : "";
  return <span className={`badge${tone}`}>{label}</span>;
}

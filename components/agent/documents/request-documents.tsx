import { Link } from "@/components/ui/link";
import type { DocumentState } from "@/db/schema";
import { formatDateTime } from "@/lib/format";
import type { IsoDay } from "@/lib/planning/days";
import { routes } from "@/lib/routes/paths";
import { DocumentStateText } from "./document-state-text";
import { DocumentViewer } from "./document-viewer";
import styles from "./documents.module.css";

export interface RequestDocumentView {
  id: string;
  state: DocumentState;
  typeLabel: string;
  isHealth: boolean;
  mediaType: string;
  pageCount: number | null;
  sizeBytes: number;
  expiresOn: string | null;
  createdAt: Date;
}

/**
 * A request's "Pièces jointes": each document with its state and a link to its review page; the current ones shown
 * inline (the RIB beside the IBAN diff), except health documents, read on their review page only (each read is
 * audited).
 */
export function RequestDocuments({
  slug,
  documents,
  today,
  reference,
}: {
  slug: string;
  documents: readonly RequestDocumentView[];
  today: IsoDay;
  reference: string;
}) {
  return (
    <section aria-labelledby="pieces-jointes">
      <h2 id="pieces-jointes">Pièces jointes</h2>
      {documents.length === 0 ? (
        <p>Aucune pièce n&apos;est jointe à la demande {reference}.</p>
      ) : (
        <ul className={styles.typeList}>
          {documents.map((document) => (
            <li key={document.id}>
              <p>
                <Link href={routes.agent.documentReview(slug, document.id)}>
                  {document.typeLabel}
                  {document.state === "pending" ? " – vérifier la pièce" : " – voir la pièce"}
                </Link>{" "}
                <DocumentStateText document={document} today={today} />
              </p>
              <p>Déposée le {formatDateTime(document.createdAt)}</p>
              {!document.isHealth && document.state !== "replaced" ? (
                <DocumentViewer
                  name={`${document.typeLabel} joint à la demande ${reference}`}
                  mediaType={document.mediaType}
                  pageCount={document.pageCount}
                  sizeBytes={document.sizeBytes}
                  inlineHref={routes.agent.documentFile(slug, document.id, { inline: true })}
                  downloadHref={routes.agent.documentFile(slug, document.id)}
                />
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

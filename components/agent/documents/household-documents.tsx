import { DocumentStateBadge } from "@/components/documents/document-state-badge";
import { DataTable } from "@/components/ui/data-table";
import { Link } from "@/components/ui/link";
import type { DocumentLine } from "@/lib/documents/household-documents";
import { DOCUMENT_AUDIENCE_LABELS, type DocumentDisplayState, missingDocumentsLabel } from "@/lib/documents/labels";
import { formatDate } from "@/lib/format";
import { routes } from "@/lib/routes/paths";

export interface HouseholdDocumentLine {
  key: string;
  typeLabel: string;
  /** "Le foyer", or the child's name. */
  concerns: string;
  display: DocumentDisplayState;
  toProvide: boolean;
  required: boolean;
  current: { id: string; createdAt: Date; expiresOn: string | null } | null;
}

/** The household's documents (listHouseholdDocuments) as the table shows them. */
export function householdDocumentLines(lines: readonly DocumentLine[]): HouseholdDocumentLine[] {
  return lines.map((line) => ({
    key: `${line.type.id}-${line.child?.id ?? "foyer"}-${line.current?.id ?? "manquante"}`,
    typeLabel: line.type.label,
    concerns: line.child ? `${line.child.firstName} ${line.child.lastName}` : DOCUMENT_AUDIENCE_LABELS.household,
    display: line.display,
    toProvide: line.toProvide,
    required: line.type.required,
    current: line.current,
  }));
}

/** The household's "Pièces justificatives" on its agent page: what the town asks, its state, a link to each document. */
export function HouseholdDocuments({
  slug,
  householdName,
  lines,
}: {
  slug: string;
  householdName: string;
  lines: readonly HouseholdDocumentLine[];
}) {
  const toProvide = lines.filter((line) => line.toProvide).length;
  return (
    <section aria-labelledby="pieces-justificatives">
      <h2 id="pieces-justificatives">Pièces justificatives</h2>
      <p>{toProvide === 0 ? "Aucune pièce obligatoire à fournir." : missingDocumentsLabel(toProvide)}</p>
      {lines.length === 0 ? (
        <p>La commune ne demande aucune pièce à cette famille.</p>
      ) : (
        <DataTable
          caption={`Pièces justificatives de la famille ${householdName}`}
          hiddenCaption
          rowKey={(line) => line.key}
          rows={lines}
          columns={[
            {
              header: "Pièce",
              rowHeader: true,
              cell: (line) => `${line.typeLabel}${line.required ? "" : " (facultative)"}`,
            },
            { header: "Concerne", cell: (line) => line.concerns },
            {
              header: "État",
              cell: (line) => <DocumentStateBadge state={line.display} />,
            },
            { header: "Déposée le", cell: (line) => (line.current ? formatDate(line.current.createdAt) : "–") },
            {
              header: "Valable jusqu'au",
              cell: (line) => (line.current?.expiresOn ? formatDate(line.current.expiresOn) : "–"),
            },
            {
              header: "Document",
              cell: (line) =>
                line.current ? (
                  <Link href={routes.agent.documentReview(slug, line.current.id)}>
                    {line.display === "pending" ? "Vérifier" : "Voir"}
                    <span className="visually-hidden">
                      {" "}
                      {line.typeLabel} ({line.concerns})
                    </span>
                  </Link>
                ) : (
                  "–"
                ),
            },
          ]}
        />
      )}
    </section>
  );
}

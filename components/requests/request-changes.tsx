import { DataTable } from "@/components/ui/data-table";
import type { FieldChange } from "@/lib/requests/diff";

/** The before/after of a change request, for the family and the agent alike; the requested value in yellow. */
export function RequestChanges({ changes, reference }: { changes: FieldChange[]; reference: string }) {
  if (changes.length === 0)
    return <p>Cette demande ne modifie aucun champ du dossier (ajout, suppression ou nouvelle famille).</p>;
  return (
    <DataTable
      caption={`Modifications demandées par la demande ${reference}`}
      label="Modifications demandées"
      rowKey={(change) => change.key}
      rows={changes}
      columns={[
        { header: "Champ", rowHeader: true, cell: (change) => change.label },
        { header: "Valeur avant", cell: (change) => change.beforeText || "–" },
        { header: "Valeur demandée", className: "pending-value", cell: (change) => change.afterText || "–" },
      ]}
    />
  );
}

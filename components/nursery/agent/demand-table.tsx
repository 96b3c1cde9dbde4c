import { DataTable } from "@/components/ui/data-table";
import { AGE_GROUP_LABELS } from "@/lib/nursery/age-groups";
import type { DemandLine } from "@/lib/nursery/agent-list";

/**
 * "Demandes par structure et tranche d'âge": per structure and age group, the applications waiting for a place there
 * (submitted or on the waiting list, wishing it), the places and the places given (accepted or offered and open).
 */
export function DemandTable({ lines }: { lines: readonly DemandLine[] }) {
  return (
    <section aria-labelledby="demandes-par-structure">
      <h2 id="demandes-par-structure">Demandes par structure et tranche d&apos;âge</h2>
      {lines.length === 0 ? (
        <p>Aucune structure n&apos;est paramétrée.</p>
      ) : (
        <DataTable
          caption="Demandes en attente, places et places attribuées par structure et tranche d'âge"
          hiddenCaption
          rowKey={(line) => `${line.structureId}/${line.ageGroup}`}
          rows={lines}
          columns={[
            {
              header: "Structure",
              rowHeader: true,
              cell: (line) => `${line.structureName}${line.active ? "" : " (fermée aux demandes)"}`,
            },
            { header: "Tranche d'âge", cell: (line) => AGE_GROUP_LABELS[line.ageGroup] },
            { header: "Demandes en attente", cell: (line) => line.waiting },
            { header: "Places", cell: (line) => line.places },
            { header: "Places attribuées", cell: (line) => line.held },
            {
              header: "Places libres",
              cell: (line) => Math.max(0, line.places - line.held),
            },
          ]}
        />
      )}
    </section>
  );
}

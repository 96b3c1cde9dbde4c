import { DataTable } from "@/components/ui/data-table";
import { formatDate } from "@/lib/format";
import type { HouseholdSummary } from "@/lib/households/family-summary";
import { civilityLabels } from "@/lib/validation/fields";

/** What the town files for one household: its responsables and its children. */
export function HouseholdSummaryCard({ household }: { household: HouseholdSummary }) {
  const headingId = `famille-${household.id}`;
  return (
    <section className="card" aria-labelledby={headingId}>
      <h2 id={headingId}>Famille {household.name}</h2>
      <h3>Responsables</h3>
      <ul>
        {household.guardians.map((guardian) => (
          <li key={`${guardian.firstName}-${guardian.lastName}`}>
            {civilityLabels[guardian.civility]} {guardian.firstName} {guardian.lastName}
            {guardian.quality ? ` (${guardian.quality})` : null}
          </li>
        ))}
      </ul>
      <h3>Enfants</h3>
      {household.children.length === 0 ? (
        <p>Aucun enfant n&apos;est inscrit dans ce dossier.</p>
      ) : (
        <DataTable
          caption={`Enfants de la famille ${household.name}`}
          hiddenCaption
          rows={household.children}
          rowKey={(child) => `${child.firstName}-${child.birthDate}`}
          columns={[
            { header: "Prénom", cell: (child) => child.firstName },
            { header: "Date de naissance", cell: (child) => formatDate(child.birthDate) },
            {
              header: "École",
              cell: (child) => [child.school, child.schoolClass].filter(Boolean).join(" – ") || "Non renseignée",
            },
          ]}
        />
      )}
    </section>
  );
}

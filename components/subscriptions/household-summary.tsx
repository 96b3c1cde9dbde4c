import { TableWrap } from "@/components/ui/table-wrap";
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
        <TableWrap label={`Enfants de la famille ${household.name}`}>
          <table>
            <caption className="visually-hidden">Enfants de la famille {household.name}</caption>
            <thead>
              <tr>
                <th scope="col">Prénom</th>
                <th scope="col">Date de naissance</th>
                <th scope="col">École</th>
              </tr>
            </thead>
            <tbody>
              {household.children.map((child) => (
                <tr key={`${child.firstName}-${child.birthDate}`}>
                  <td>{child.firstName}</td>
                  <td>{formatDate(child.birthDate)}</td>
                  <td>{[child.school, child.schoolClass].filter(Boolean).join(" – ") || "Non renseignée"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
    </section>
  );
}

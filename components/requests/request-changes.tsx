import { TableWrap } from "@/components/ui/table-wrap";
import type { FieldChange } from "@/lib/requests/diff";

/** The before/after of a change request, for the family and the agent alike; the requested value in yellow. */
export function RequestChanges({ changes, reference }: { changes: FieldChange[]; reference: string }) {
  if (changes.length === 0)
    return <p>Cette demande ne modifie aucun champ du dossier (ajout, suppression ou nouvelle famille).</p>;
  return (
    <TableWrap label="Modifications demandées">
      <table>
        <caption>Modifications demandées par la demande {reference}</caption>
        <thead>
          <tr>
            <th scope="col">Champ</th>
            <th scope="col">Valeur avant</th>
            <th scope="col">Valeur demandée</th>
          </tr>
        </thead>
        <tbody>
          {changes.map((change) => (
            <tr key={change.key}>
              <th scope="row">{change.label}</th>
              <td>{change.beforeText || "–"}</td>
              <td className="pending-value">{change.afterText || "–"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}

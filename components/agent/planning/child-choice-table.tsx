import Link from "next/link";
import { TableWrap } from "@/components/ui/table-wrap";
import type { ChildChoice } from "@/lib/activities/enrolments";
import { formatDate } from "@/lib/format";

/** Children found by the search, each with the link that opens the enrolment form for them. */
export function ChildChoiceTable({ choices, hrefOf }: { choices: ChildChoice[]; hrefOf: (childId: string) => string }) {
  if (choices.length === 0) return <p role="status">Aucun enfant de la commune ne correspond à cette recherche.</p>;
  return (
    <TableWrap label="Enfants trouvés">
      <table>
        <caption>Enfants trouvés ({choices.length})</caption>
        <thead>
          <tr>
            <th scope="col">Enfant</th>
            <th scope="col">Date de naissance</th>
            <th scope="col">Famille</th>
            <th scope="col">Action</th>
          </tr>
        </thead>
        <tbody>
          {choices.map((child) => {
            const name = `${child.firstName} ${child.lastName}`;
            return (
              <tr key={child.id}>
                <th scope="row">{name}</th>
                <td>{formatDate(child.birthDate)}</td>
                <td>Famille {child.householdName}</td>
                <td>
                  <Link href={hrefOf(child.id)} aria-label={`Choisir ${name}`}>
                    Choisir
                  </Link>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </TableWrap>
  );
}

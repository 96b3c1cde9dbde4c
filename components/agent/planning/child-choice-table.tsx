import { DataTable } from "@/components/ui/data-table";
import { Link } from "@/components/ui/link";
import type { ChildChoice } from "@/lib/activities/enrolments";
import { formatDate } from "@/lib/format";

const fullName = (child: ChildChoice) => `${child.firstName} ${child.lastName}`;

/** Children found by the search, each with the link that opens the enrolment form for them. */
export function ChildChoiceTable({ choices, hrefOf }: { choices: ChildChoice[]; hrefOf: (childId: string) => string }) {
  if (choices.length === 0) return <p role="status">Aucun enfant de la commune ne correspond à cette recherche.</p>;
  return (
    <DataTable
      label="Enfants trouvés"
      caption={`Enfants trouvés (${choices.length})`}
      rows={choices}
      columns={[
        { header: "Enfant", rowHeader: true, cell: fullName },
        { header: "Date de naissance", cell: (child) => formatDate(child.birthDate) },
        { header: "Famille", cell: (child) => `Famille ${child.householdName}` },
        {
          header: "Action",
          cell: (child) => (
            <Link href={hrefOf(child.id)} aria-label={`Choisir ${fullName(child)}`}>
              Choisir
            </Link>
          ),
        },
      ]}
    />
  );
}

import Link from "next/link";
import { TableWrap } from "@/components/ui/table-wrap";
import type { EnrolmentLine } from "@/lib/activities/enrolments";
import { ENROLMENT_STATUS_LABELS } from "@/lib/activities/labels";
import { formatDate } from "@/lib/format";
import { routes } from "@/lib/routes/paths";

/** The activity's enrolments: child, family, period and state, each with a link to change it. */
export function EnrolmentTable({
  slug,
  activityLabel,
  lines,
}: {
  slug: string;
  activityLabel: string;
  lines: EnrolmentLine[];
}) {
  if (lines.length === 0) return <p>Aucun enfant n&apos;est inscrit à cette activité.</p>;
  return (
    <TableWrap label="Inscriptions">
      <table>
        <caption>
          Inscriptions à {activityLabel} ({lines.length})
        </caption>
        <thead>
          <tr>
            <th scope="col">Enfant</th>
            <th scope="col">Famille</th>
            <th scope="col">Période</th>
            <th scope="col">État</th>
            <th scope="col">Action</th>
          </tr>
        </thead>
        <tbody>
          {lines.map((line) => (
            <tr key={line.id}>
              <th scope="row">
                {line.childName} <span className="field__hint">(né(e) le {formatDate(line.birthDate)})</span>
              </th>
              <td>
                <Link href={routes.agent.household(slug, line.householdId)}>Famille {line.householdName}</Link>
              </td>
              <td>
                du {formatDate(line.startsOn)} au {formatDate(line.endsOn)}
              </td>
              <td>
                <span className={line.status === "active" ? "badge badge--success" : "badge"}>
                  {ENROLMENT_STATUS_LABELS[line.status]}
                </span>
              </td>
              <td>
                <Link
                  href={routes.agent.enrolment(slug, line.activityId, line.id)}
                  aria-label={`Modifier l'inscription de ${line.childName}`}
                >
                  Modifier
                </Link>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}

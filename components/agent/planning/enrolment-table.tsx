import { DataTable } from "@/components/ui/data-table";
import { Link } from "@/components/ui/link";
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
    <DataTable
      label="Inscriptions"
      caption={`Inscriptions à ${activityLabel} (${lines.length})`}
      rows={lines}
      columns={[
        {
          header: "Enfant",
          rowHeader: true,
          cell: (line) => (
            <>
              {line.childName} <span className="field__hint">(né(e) le {formatDate(line.birthDate)})</span>
            </>
          ),
        },
        {
          header: "Famille",
          cell: (line) => (
            <Link href={routes.agent.household(slug, line.householdId)}>Famille {line.householdName}</Link>
          ),
        },
        { header: "Période", cell: (line) => `du ${formatDate(line.startsOn)} au ${formatDate(line.endsOn)}` },
        {
          header: "État",
          cell: (line) => (
            <span className={line.status === "active" ? "badge badge--success" : "badge"}>
              {ENROLMENT_STATUS_LABELS[line.status]}
            </span>
          ),
        },
        {
          header: "Action",
          cell: (line) => (
            <Link
              href={routes.agent.enrolment(slug, line.activityId, line.id)}
              aria-label={`Modifier l'inscription de ${line.childName}`}
            >
              Modifier
            </Link>
          ),
        },
      ]}
    />
  );
}

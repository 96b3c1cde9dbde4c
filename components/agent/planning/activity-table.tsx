import { DataTable } from "@/components/ui/data-table";
import { Link } from "@/components/ui/link";
import type { Activity } from "@/db/schema/planning";
import { describeCapacity, describeSchedule } from "@/lib/activities/labels";
import { describeDeadline } from "@/lib/planning/deadlines";
import { activityLabel } from "@/lib/planning/labels";
import { routes } from "@/lib/routes/paths";
import styles from "./planning.module.css";

/** The booking and absence deadlines, and what a late absence costs. */
function Deadlines({ activity }: { activity: Activity }) {
  const kind = activity.deadlineDaysKind;
  const booking = describeDeadline({ days: activity.bookingDeadlineDays, time: activity.bookingDeadlineTime, kind });
  const absence = describeDeadline({
    days: activity.cancellationDeadlineDays,
    time: activity.cancellationDeadlineTime,
    kind,
  });
  return (
    <>
      <div>Réservation : {booking}</div>
      <div>
        Absence : {absence}
        {activity.lateAbsenceBilled ? ", facturée hors délai" : ", refusée hors délai"}
      </div>
    </>
  );
}

/** The commune's activities with their days, places, deadlines and colour; each links to its page and enrolments. */
export function ActivityTable({ slug, activities }: { slug: string; activities: Activity[] }) {
  return (
    <DataTable
      label="Activités"
      caption={`Activités de la commune (${activities.length})`}
      rows={activities}
      columns={[
        {
          header: "Activité",
          rowHeader: true,
          cell: (activity) => (
            <>
              <Link href={routes.agent.activity(slug, activity.id)}>{activityLabel(activity)}</Link>
              {activity.archived ? (
                <>
                  {" "}
                  <span className="badge">Archivée</span>
                </>
              ) : null}
            </>
          ),
        },
        { header: "Établissement", cell: (activity) => activity.facility },
        { header: "Jours et horaires", cell: (activity) => describeSchedule(activity) },
        {
          header: "Capacité",
          cell: (activity) => (
            <>
              {describeCapacity(activity.capacity)}
              {activity.autoAccept ? <div>Acceptation automatique</div> : null}
            </>
          ),
        },
        { header: "Délais", cell: (activity) => <Deadlines activity={activity} /> },
        {
          header: "Couleur",
          cell: (activity) => (
            <>
              <span className={styles.swatch} style={{ backgroundColor: activity.color }} aria-hidden="true" />
              {activity.color}
            </>
          ),
        },
        {
          header: "Inscriptions",
          cell: (activity) => (
            <Link
              href={routes.agent.enrolments(slug, activity.id)}
              aria-label={`Inscriptions à ${activityLabel(activity)}`}
            >
              Inscriptions
            </Link>
          ),
        },
      ]}
    />
  );
}

import Link from "next/link";
import { TableWrap } from "@/components/ui/table-wrap";
import type { Activity } from "@/db/schema/planning";
import { describeCapacity, describeSchedule } from "@/lib/activities/labels";
import { describeDeadline } from "@/lib/planning/deadlines";
import { activityLabel } from "@/lib/planning/labels";
import { routes } from "@/lib/routes/paths";
import styles from "./planning.module.css";

function deadlines(activity: Activity) {
  const kind = activity.deadlineDaysKind;
  return {
    booking: describeDeadline({ days: activity.bookingDeadlineDays, time: activity.bookingDeadlineTime, kind }),
    absence: describeDeadline({
      days: activity.cancellationDeadlineDays,
      time: activity.cancellationDeadlineTime,
      kind,
    }),
  };
}

/** The commune's activities with their days, places, deadlines and colour; each links to its page and enrolments. */
export function ActivityTable({ slug, activities }: { slug: string; activities: Activity[] }) {
  return (
    <TableWrap label="Activités">
      <table>
        <caption>Activités de la commune ({activities.length})</caption>
        <thead>
          <tr>
            <th scope="col">Activité</th>
            <th scope="col">Établissement</th>
            <th scope="col">Jours et horaires</th>
            <th scope="col">Capacité</th>
            <th scope="col">Délais</th>
            <th scope="col">Couleur</th>
            <th scope="col">Inscriptions</th>
          </tr>
        </thead>
        <tbody>
          {activities.map((activity) => {
            const label = activityLabel(activity);
            const { booking, absence } = deadlines(activity);
            return (
              <tr key={activity.id}>
                <th scope="row">
                  <Link href={routes.agent.activity(slug, activity.id)}>{label}</Link>
                  {activity.archived ? (
                    <>
                      {" "}
                      <span className="badge">Archivée</span>
                    </>
                  ) : null}
                </th>
                <td>{activity.facility}</td>
                <td>{describeSchedule(activity)}</td>
                <td>
                  {describeCapacity(activity.capacity)}
                  {activity.autoAccept ? <div>Acceptation automatique</div> : null}
                </td>
                <td>
                  <div>Réservation : {booking}</div>
                  <div>
                    Absence : {absence}
                    {activity.lateAbsenceBilled ? ", facturée hors délai" : ", refusée hors délai"}
                  </div>
                </td>
                <td>
                  <span className={styles.swatch} style={{ backgroundColor: activity.color }} aria-hidden="true" />
                  {activity.color}
                </td>
                <td>
                  <Link href={routes.agent.enrolments(slug, activity.id)} aria-label={`Inscriptions à ${label}`}>
                    Inscriptions
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

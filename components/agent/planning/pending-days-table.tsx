import Link from "next/link";
import { TableWrap } from "@/components/ui/table-wrap";
import { describeDay, describePlaces } from "@/lib/activities/labels";
import type { PendingDay } from "@/lib/bookings/agent-views";
import styles from "./planning.module.css";

/** The days with requests waiting for a decision, each with a link to process them. */
export function PendingDaysTable({
  days,
  selected,
  hrefOf,
}: {
  days: PendingDay[];
  selected: { activityId: string; day: string } | null;
  hrefOf: (day: PendingDay) => string;
}) {
  if (days.length === 0) return <p>Aucune demande de réservation ou d&apos;absence n&apos;attend de décision.</p>;
  return (
    <TableWrap label="Jours avec des demandes en attente">
      <table>
        <caption>
          Demandes en attente par jour et par activité ({days.length} jour{days.length > 1 ? "s" : ""})
        </caption>
        <thead>
          <tr>
            <th scope="col">Jour</th>
            <th scope="col">Activité</th>
            <th scope="col">Réservations demandées</th>
            <th scope="col">Absences demandées</th>
            <th scope="col">Places occupées</th>
            <th scope="col">Action</th>
          </tr>
        </thead>
        <tbody>
          {days.map((pending) => {
            const day = describeDay(pending.day);
            const isSelected = selected?.activityId === pending.activityId && selected.day === pending.day;
            const full = pending.capacity !== null && pending.placesTaken >= pending.capacity;
            return (
              <tr key={`${pending.activityId}-${pending.day}`}>
                <th scope="row">{day}</th>
                <td>
                  <span className={styles.swatch} style={{ backgroundColor: pending.color }} aria-hidden="true" />
                  {pending.activityLabel}
                </td>
                <td>{pending.bookingRequests}</td>
                <td>{pending.absenceRequests}</td>
                <td className={full ? styles.full : undefined}>
                  {describePlaces(pending.placesTaken, pending.capacity)}
                </td>
                <td>
                  {isSelected ? (
                    <span className="badge">Affiché ci-dessous</span>
                  ) : (
                    <Link
                      href={hrefOf(pending)}
                      aria-label={`Traiter les demandes du ${day}, ${pending.activityLabel}`}
                    >
                      Traiter
                    </Link>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </TableWrap>
  );
}

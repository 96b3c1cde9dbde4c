import { DataTable } from "@/components/ui/data-table";
import { Link } from "@/components/ui/link";
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
    <DataTable
      label="Jours avec des demandes en attente"
      caption={`Demandes en attente par jour et par activité (${days.length} jour${days.length > 1 ? "s" : ""})`}
      rows={days}
      rowKey={(pending) => `${pending.activityId}-${pending.day}`}
      columns={[
        { header: "Jour", rowHeader: true, cell: (pending) => describeDay(pending.day) },
        {
          header: "Activité",
          cell: (pending) => (
            <>
              <span className={styles.swatch} style={{ backgroundColor: pending.color }} aria-hidden="true" />
              {pending.activityLabel}
            </>
          ),
        },
        { header: "Réservations demandées", cell: (pending) => pending.bookingRequests },
        { header: "Absences demandées", cell: (pending) => pending.absenceRequests },
        {
          header: "Places occupées",
          cell: (pending) => {
            const full = pending.capacity !== null && pending.placesTaken >= pending.capacity;
            return (
              <span className={full ? styles.full : undefined}>
                {describePlaces(pending.placesTaken, pending.capacity)}
              </span>
            );
          },
        },
        {
          header: "Action",
          cell: (pending) =>
            selected?.activityId === pending.activityId && selected.day === pending.day ? (
              <span className="badge">Affiché ci-dessous</span>
            ) : (
              <Link
                href={hrefOf(pending)}
                aria-label={`Traiter les demandes du ${describeDay(pending.day)}, ${pending.activityLabel}`}
              >
                Traiter
              </Link>
            ),
        },
      ]}
    />
  );
}

import { dayLabel } from "@/components/planning/period-form-days";
import { DataTable } from "@/components/ui/data-table";
import type { BookingRequestDetail } from "@/lib/bookings/request-days";
import { formatDate } from "@/lib/format";

const orDash = (value: string | null) => value ?? "–";

/**
 * "Détail de ma demande" of a booking or absence request, for the family and the agents: the
 * period, structure and activity, then every day it asked for and that day's state.
 */
export function BookingRequestDays({ detail, reference }: { detail: BookingRequestDetail; reference: string }) {
  return (
    <section aria-labelledby="detail-jours">
      <h2 id="detail-jours">Détail de la demande{detail.childName ? ` : ${detail.childName}` : ""}</h2>
      <dl>
        <dt>Date de début</dt>
        <dd>{detail.from ? formatDate(detail.from) : "–"}</dd>
        <dt>Date de fin</dt>
        <dd>{detail.to ? formatDate(detail.to) : "–"}</dd>
        <dt>Structure</dt>
        <dd>{orDash(detail.facility)}</dd>
        <dt>Activité</dt>
        <dd>{orDash(detail.activityLabel)}</dd>
      </dl>
      <DataTable
        caption={`Jours de la demande ${reference}`}
        rows={detail.days}
        rowKey={(d) => d.day}
        columns={[
          { header: "Jour", rowHeader: true, cell: (d) => dayLabel(d.day) },
          { header: "État", cell: (d) => d.label },
          {
            header: "Précision",
            cell: (d) =>
              [d.reason, d.laterReference ? `Modifié depuis par la demande ${d.laterReference}.` : null]
                .filter(Boolean)
                .join(" ") || "–",
          },
        ]}
      />
    </section>
  );
}

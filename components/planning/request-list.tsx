"use client";

import { RequestStatusBadge } from "@/components/requests/status-badge";
import { DataTable } from "@/components/ui/data-table";
import { Link } from "@/components/ui/link";
import type { RequestStatus } from "@/db/schema";
import { routes } from "@/lib/routes/paths";

/**
 * One row of the planning's "Liste" with its texts already written ("-" for what is unknown): the page hands the
 * table these values and the table draws the row, so the page's payload carries no markup per row (see
 * RequestRow in components/requests/request-table.tsx).
 */
export interface BookingRequestListRow {
  id: string;
  reference: string;
  child: string;
  type: string;
  facility: string;
  activity: string;
  /** "20 nov. 2026 - 4 déc. 2026". */
  period: string;
  status: RequestStatus;
  statusLabel: string;
}

/** The "Liste" view of the planning: one row per booking or absence request. */
export function RequestListTable({ slug, rows }: { slug: string; rows: readonly BookingRequestListRow[] }) {
  return (
    <DataTable
      label="Liste des demandes de réservation et d'absence"
      caption="Demandes de réservation et d'absence"
      hiddenCaption
      rows={rows}
      columns={[
        { header: "Prénom", cell: (row) => row.child },
        { header: "Type demande", cell: (row) => row.type },
        { header: "Etablissement", cell: (row) => row.facility },
        { header: "Activité", cell: (row) => row.activity },
        { header: "Période", cell: (row) => row.period },
        { header: "État", cell: (row) => <RequestStatusBadge status={row.status} label={row.statusLabel} /> },
        {
          header: "Demande",
          cell: (row) => (
            <Link href={routes.citizen.request(slug, row.id)} aria-label={`Détail de la demande ${row.reference}`}>
              {row.reference}
            </Link>
          ),
        },
      ]}
    />
  );
}

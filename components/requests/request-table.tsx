"use client";

import { DataTable } from "@/components/ui/data-table";
import { Link } from "@/components/ui/link";
import type { RequestStatus } from "@/db/schema";
import { routes } from "@/lib/routes/paths";
import styles from "./requests.module.css";
import { RequestStatusBadge, UnreadBadge } from "./status-badge";

/**
 * One row of Mes demandes with its texts already written (requestRow): the page hands the table these few values
 * and the table draws the row, so the page's payload carries no markup per row (a row of markup weighed four times
 * its values, and the server wrote it twice: in the HTML and in the payload).
 */
export interface RequestRow {
  id: string;
  reference: string;
  /** "22/01/2026 à 16:44". */
  date: string;
  /** The type, then the subject: "Modification du responsable – Claire MARTIN". */
  description: string;
  status: RequestStatus;
  statusLabel: string;
  /** "2 nouveau(x) message(s)", or null. */
  unread: string | null;
}

/** The rows of Mes demandes, whatever their type: reference, date, description, status, news from the town. */
export function RequestTable({ slug, rows }: { slug: string; rows: readonly RequestRow[] }) {
  return (
    <DataTable
      label="Liste de mes demandes"
      caption="Mes demandes"
      hiddenCaption
      rows={rows}
      columns={[
        {
          header: <span className="visually-hidden">Sélection</span>,
          cell: (row) => (
            <input
              type="checkbox"
              className={styles.select}
              name="requestIds"
              value={row.id}
              aria-label={`Sélectionner la demande ${row.reference}`}
            />
          ),
        },
        { header: "Réf.", cell: (row) => <Link href={routes.citizen.request(slug, row.id)}>{row.reference}</Link> },
        { header: "Date", cell: (row) => row.date },
        { header: "Description", cell: (row) => row.description },
        { header: "Statut", cell: (row) => <RequestStatusBadge status={row.status} label={row.statusLabel} /> },
        { header: "Messages", cell: (row) => <UnreadBadge label={row.unread} /> },
      ]}
    />
  );
}

import { DataTable } from "@/components/ui/data-table";
import { Link } from "@/components/ui/link";
import { formatDateTime } from "@/lib/format";
import type { RequestListItem } from "@/lib/requests/lists";
import styles from "./requests.module.css";
import { RequestStatusBadge, UnreadBadge } from "./status-badge";

/** The rows of Mes demandes, whatever their type: reference, date, description, status, news from the town. */
export function RequestTable({ items, detailHref }: { items: RequestListItem[]; detailHref: (id: string) => string }) {
  return (
    <DataTable
      label="Liste de mes demandes"
      caption="Mes demandes"
      hiddenCaption
      rows={items}
      columns={[
        {
          header: <span className="visually-hidden">Sélection</span>,
          cell: (item) => (
            <input
              type="checkbox"
              className={styles.select}
              name="requestIds"
              value={item.id}
              aria-label={`Sélectionner la demande ${item.reference}`}
            />
          ),
        },
        { header: "Réf.", cell: (item) => <Link href={detailHref(item.id)}>{item.reference}</Link> },
        { header: "Date", cell: (item) => formatDateTime(item.createdAt) },
        {
          header: "Description",
          cell: (item) => (
            <>
              {item.typeLabel}
              {item.subject ? ` – ${item.subject}` : null}
            </>
          ),
        },
        { header: "Statut", cell: (item) => <RequestStatusBadge status={item.status} label={item.statusLabel} /> },
        { header: "Messages", cell: (item) => <UnreadBadge count={item.unreadCount} /> },
      ]}
    />
  );
}

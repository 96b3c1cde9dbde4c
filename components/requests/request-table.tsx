import Link from "next/link";
import { TableWrap } from "@/components/ui/table-wrap";
import { formatDateTime } from "@/lib/format";
import type { RequestListItem } from "@/lib/requests/lists";
import styles from "./requests.module.css";
import { RequestStatusBadge, UnreadBadge } from "./status-badge";

/** The rows of Mes demandes, whatever their type: reference, date, description, status, news from the town. */
export function RequestTable({ items, detailHref }: { items: RequestListItem[]; detailHref: (id: string) => string }) {
  return (
    <TableWrap label="Liste de mes demandes">
      <table>
        <caption className="visually-hidden">Mes demandes</caption>
        <thead>
          <tr>
            <th scope="col">
              <span className="visually-hidden">Sélection</span>
            </th>
            <th scope="col">Réf.</th>
            <th scope="col">Date</th>
            <th scope="col">Description</th>
            <th scope="col">Statut</th>
            <th scope="col">Messages</th>
          </tr>
        </thead>
        <tbody>
          {items.map((item) => (
            <tr key={item.id}>
              <td>
                <input
                  type="checkbox"
                  className={styles.select}
                  name="requestIds"
                  value={item.id}
                  aria-label={`Sélectionner la demande ${item.reference}`}
                />
              </td>
              <td>
                <Link href={detailHref(item.id)}>{item.reference}</Link>
              </td>
              <td>{formatDateTime(item.createdAt)}</td>
              <td>
                {item.typeLabel}
                {item.subject ? ` – ${item.subject}` : null}
              </td>
              <td>
                <RequestStatusBadge status={item.status} label={item.statusLabel} />
              </td>
              <td>
                <UnreadBadge count={item.unreadCount} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}

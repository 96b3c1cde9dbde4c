import { format, parse } from "date-fns";
import { fr } from "date-fns/locale";
import Link from "next/link";
import { RequestStatusBadge } from "@/components/requests/status-badge";
import { TableWrap } from "@/components/ui/table-wrap";
import type { BookingRequestRow } from "@/lib/bookings/request-list";

/** "20 nov. 2026", as the guide's list prints a period's ends. */
function shortDay(day: string): string {
  return format(parse(day, "yyyy-MM-dd", new Date()), "d MMM yyyy", { locale: fr });
}

/** The "Liste" view of the planning (guide 003 §4): one row per booking or absence request. */
export function RequestListTable({
  items,
  detailHref,
}: {
  items: BookingRequestRow[];
  detailHref: (id: string) => string;
}) {
  return (
    <TableWrap label="Liste des demandes de réservation et d'absence">
      <table>
        <caption className="visually-hidden">Demandes de réservation et d&apos;absence</caption>
        <thead>
          <tr>
            <th scope="col">Prénom</th>
            <th scope="col">Type demande</th>
            <th scope="col">Etablissement</th>
            <th scope="col">Activité</th>
            <th scope="col">Période</th>
            <th scope="col">État</th>
            <th scope="col">Demande</th>
          </tr>
        </thead>
        <tbody>
          {items.map((item) => (
            <tr key={item.id}>
              <td>{item.childFirstName ?? "-"}</td>
              <td>{item.typeLabel}</td>
              <td>{item.facility ?? "-"}</td>
              <td>{item.activityLabel ?? "-"}</td>
              <td>{item.from && item.to ? `${shortDay(item.from)} - ${shortDay(item.to)}` : "-"}</td>
              <td>
                <RequestStatusBadge status={item.status} label={item.statusLabel} />
              </td>
              <td>
                <Link href={detailHref(item.id)} aria-label={`Détail de la demande ${item.reference}`}>
                  {item.reference}
                </Link>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}

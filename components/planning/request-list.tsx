import { format, parse } from "date-fns";
import { fr } from "date-fns/locale";
import { RequestStatusBadge } from "@/components/requests/status-badge";
import { DataTable } from "@/components/ui/data-table";
import { Link } from "@/components/ui/link";
import type { BookingRequestRow } from "@/lib/bookings/request-list";
import { memoByDay } from "./memo-by-day";

/** "20 nov. 2026", as the guide's list prints a period's ends. */
const shortDay = memoByDay((day) => format(parse(day, "yyyy-MM-dd", new Date()), "d MMM yyyy", { locale: fr }));

/** The "Liste" view of the planning: one row per booking or absence request. */
export function RequestListTable({
  items,
  detailHref,
}: {
  items: BookingRequestRow[];
  detailHref: (id: string) => string;
}) {
  return (
    <DataTable
      label="Liste des demandes de réservation et d'absence"
      caption="Demandes de réservation et d'absence"
      hiddenCaption
      rows={items}
      columns={[
        { header: "Prénom", cell: (item) => item.childFirstName ?? "-" },
        { header: "Type demande", cell: (item) => item.typeLabel },
        { header: "Etablissement", cell: (item) => item.facility ?? "-" },
        { header: "Activité", cell: (item) => item.activityLabel ?? "-" },
        {
          header: "Période",
          cell: (item) => (item.from && item.to ? `${shortDay(item.from)} - ${shortDay(item.to)}` : "-"),
        },
        { header: "État", cell: (item) => <RequestStatusBadge status={item.status} label={item.statusLabel} /> },
        {
          header: "Demande",
          cell: (item) => (
            <Link href={detailHref(item.id)} aria-label={`Détail de la demande ${item.reference}`}>
              {item.reference}
            </Link>
          ),
        },
      ]}
    />
  );
}

import { DataTable } from "@/components/ui/data-table";
import type { AuditRow } from "@/lib/agents/audit-read";
import { formatDateTime } from "@/lib/format";

/** Audit rows as a table: date, agent, action in French, (target), detail. */
export function AuditTable({
  rows,
  caption,
  showTarget = true,
}: {
  rows: AuditRow[];
  caption: string;
  showTarget?: boolean;
}) {
  return (
    <DataTable
      caption={caption}
      rows={rows}
      columns={[
        { header: "Date", cell: (row) => formatDateTime(row.at) },
        { header: "Agent", cell: (row) => row.actorName ?? "Compte supprimé" },
        { header: "Action", cell: (row) => row.actionLabel },
        ...(showTarget ? [{ header: "Concerne", cell: (row: AuditRow) => row.target }] : []),
        { header: "Détail", cell: (row) => row.detail ?? "–" },
      ]}
    />
  );
}

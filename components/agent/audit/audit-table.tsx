import { TableWrap } from "@/components/ui/table-wrap";
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
    <TableWrap label={caption}>
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Date</th>
            <th scope="col">Agent</th>
            <th scope="col">Action</th>
            {showTarget ? <th scope="col">Concerne</th> : null}
            <th scope="col">Détail</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id}>
              <td>{formatDateTime(row.at)}</td>
              <td>{row.actorName ?? "Compte supprimé"}</td>
              <td>{row.actionLabel}</td>
              {showTarget ? <td>{row.target}</td> : null}
              <td>{row.detail ?? "–"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}

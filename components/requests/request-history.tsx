import { formatDateTime } from "@/lib/format";
import type { RequestHistoryEntry } from "@/lib/requests/detail";
import { REQUEST_EVENT_LABELS } from "@/lib/requests/types";
import styles from "./requests.module.css";

/** Who acted: agents see their colleagues' names, families see "la collectivité". */
function actor(entry: RequestHistoryEntry, viewer: "family" | "agent"): string {
  if (viewer === "family") return entry.side === "town" ? " par la collectivité" : "";
  if (entry.actorName) return ` par ${entry.actorName}`;
  return entry.side === "family" ? " par la famille" : "";
}

/** "Historique de la demande": created, transmitted, changed, accepted / refused, messages — when and by whom. */
export function RequestHistory({ entries, viewer }: { entries: RequestHistoryEntry[]; viewer: "family" | "agent" }) {
  return (
    <ol className={styles.history}>
      {entries.map((entry) => (
        <li key={`${entry.at.toISOString()}-${entry.kind}-${entry.side}`}>
          <time dateTime={entry.at.toISOString()}>{formatDateTime(entry.at)}</time>{" "}
          <strong>{REQUEST_EVENT_LABELS[entry.kind]}</strong>
          {actor(entry, viewer)}
          {entry.message ? <p>« {entry.message} »</p> : null}
        </li>
      ))}
    </ol>
  );
}

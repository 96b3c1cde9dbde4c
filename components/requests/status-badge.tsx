import type { RequestStatus } from "@/db/schema";
import { unreadMessagesLabel } from "@/lib/requests/types";

const STATUS_CLASS: Record<RequestStatus, string> = {
  pending: "badge pending-value",
  accepted: "badge badge--success",
  refused: "badge badge--danger",
  withdrawn: "badge",
};

export function RequestStatusBadge({ status, label }: { status: RequestStatus; label: string }) {
  return <span className={STATUS_CLASS[status]}>{label}</span>;
}

/** "1 nouveau(x) message(s)" on a request the town changed or answered. */
export function UnreadBadge({ count }: { count: number }) {
  return count > 0 ? <span className="badge badge--danger">{unreadMessagesLabel(count)}</span> : null;
}

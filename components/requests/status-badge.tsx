import type { RequestStatus } from "@/db/schema";

const STATUS_CLASS: Record<RequestStatus, string> = {
  pending: "badge pending-value",
  accepted: "badge badge--success",
  refused: "badge badge--danger",
  withdrawn: "badge",
};

export function RequestStatusBadge({ status, label }: { status: RequestStatus; label: string }) {
  return <span className={STATUS_CLASS[status]}>{label}</span>;
}

/** "1 nouveau(x) message(s)" (unreadMessagesLabel) on a request the town changed or answered; nothing without. */
export function UnreadBadge({ label }: { label: string | null }) {
  return label ? <span className="badge badge--danger">{label}</span> : null;
}

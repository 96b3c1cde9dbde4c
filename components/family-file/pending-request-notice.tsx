import type { FormAction } from "@/lib/actions/state";
import type { PendingChange } from "@/lib/family-file/read";
import { formatDate } from "@/lib/format";
import { WithdrawRequestButton } from "./withdraw-request-button";

/** Above a record with a change not processed yet: what it is, its reference, and the way to take it back. */
export function PendingRequestNotice({
  withdraw,
  householdId,
  pending,
  what,
}: {
  /** "Retirer ma demande", bound to the commune by the page. */
  withdraw: FormAction;
  householdId: string;
  pending: PendingChange | null;
  what: string;
}) {
  if (!pending) return null;
  return (
    <div className="notice pending-value">
      <p>
        {what} du {formatDate(pending.createdAt)} est en attente de validation par la collectivité (demande{" "}
        <strong>{pending.reference}</strong>). Les valeurs proposées sont surlignées en jaune.
      </p>
      <WithdrawRequestButton
        action={withdraw}
        householdId={householdId}
        requestId={pending.requestId}
        reference={pending.reference}
      />
    </div>
  );
}

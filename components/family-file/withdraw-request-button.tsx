"use client";

import { InlineActionForm } from "@/components/agent/inline-action-form";
import type { FormAction } from "@/lib/actions/state";

/** "Retirer ma demande" on a pending request of the family's household. */
export function WithdrawRequestButton({
  action,
  householdId,
  requestId,
  reference,
}: {
  action: FormAction;
  householdId: string;
  requestId: string;
  reference: string;
}) {
  return (
    <InlineActionForm
      action={action}
      fields={{ householdId, requestId }}
      label="Retirer ma demande"
      accessibleLabel={`Retirer ma demande ${reference}`}
    />
  );
}

"use client";

import { withdrawMyRequest } from "@/app/[commune]/mon-espace-citoyen/mes-demandes/actions";
import { InlineActionForm } from "@/components/agent/inline-action-form";

/** "Retirer ma demande" on a pending request of the family's household. */
export function WithdrawRequestButton({
  slug,
  householdId,
  requestId,
  reference,
}: {
  slug: string;
  householdId: string;
  requestId: string;
  reference: string;
}) {
  return (
    <InlineActionForm
      slug={slug}
      action={withdrawMyRequest}
      fields={{ householdId, requestId }}
      label="Retirer ma demande"
      accessibleLabel={`Retirer ma demande ${reference}`}
    />
  );
}

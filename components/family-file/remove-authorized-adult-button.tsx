"use client";

import { InlineActionForm } from "@/components/agent/inline-action-form";
import type { FormAction } from "@/lib/actions/state";

/** "Supprimer" a personne habilitée: asks the town to remove it. */
export function RemoveAuthorizedAdultButton({
  action,
  householdId,
  adultId,
  name,
}: {
  action: FormAction;
  householdId: string;
  adultId: string;
  name: string;
}) {
  return (
    <InlineActionForm
      action={action}
      fields={{ householdId, targetId: adultId }}
      label="Demander la suppression"
      accessibleLabel={`Demander la suppression de ${name}`}
      danger
    />
  );
}

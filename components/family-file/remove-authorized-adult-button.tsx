"use client";

import { removeAuthorizedAdult } from "@/app/[commune]/espace-famille/dossier/actions";
import { InlineActionForm } from "@/components/agent/inline-action-form";

/** "Supprimer" a personne habilitée: asks the town to remove it. */
export function RemoveAuthorizedAdultButton({
  slug,
  householdId,
  adultId,
  name,
}: {
  slug: string;
  householdId: string;
  adultId: string;
  name: string;
}) {
  return (
    <InlineActionForm
      slug={slug}
      action={removeAuthorizedAdult}
      fields={{ householdId, targetId: adultId }}
      label="Demander la suppression"
      accessibleLabel={`Demander la suppression de ${name}`}
      danger
    />
  );
}

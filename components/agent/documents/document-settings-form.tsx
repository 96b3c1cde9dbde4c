"use client";

import { FormMessage, SubmitButton, TextField, useActionForm } from "@/components/ui/form-kit";
import type { FormAction } from "@/lib/actions/state";
import { documentSettingsSchema } from "@/lib/documents/schemas";
import styles from "./documents.module.css";

/** How long the documents of a closed household are kept before the retention job deletes them. */
export function DocumentSettingsForm({ action, retentionMonths }: { action: FormAction; retentionMonths: number }) {
  const { form, state, pending, onSubmit } = useActionForm(documentSettingsSchema, action, { retentionMonths });
  return (
    <form className={`form ${styles.decision}`} aria-label="Conservation des pièces" onSubmit={onSubmit} noValidate>
      <FormMessage state={state} />
      <TextField
        label="Durée de conservation après la clôture du dossier (mois)"
        type="number"
        inputMode="numeric"
        required
        hint="Entre 1 et 120 mois. Passé ce délai, les pièces du dossier clôturé sont supprimées et la suppression est tracée."
        registration={form.register("retentionMonths")}
        error={form.formState.errors.retentionMonths?.message}
      />
      <div className="button-row">
        <SubmitButton pending={pending}>Enregistrer la durée de conservation</SubmitButton>
      </div>
    </form>
  );
}

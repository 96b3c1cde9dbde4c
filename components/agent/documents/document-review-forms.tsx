"use client";

import { FormMessage, TextField, useActionForm } from "@/components/ui/form-kit";
import type { FormAction } from "@/lib/actions/state";
import { refuseDocumentSchema, validateDocumentSchema } from "@/lib/documents/schemas";
import styles from "./documents.module.css";

/** "Valider" with the expiry date, prefilled from the type's validity (empty: the document does not expire). */
export function ValidateDocumentForm({
  action,
  documentId,
  defaultExpiresOn,
}: {
  action: FormAction;
  documentId: string;
  defaultExpiresOn: string | null;
}) {
  const { form, state, pending, onSubmit } = useActionForm(validateDocumentSchema, action, {
    documentId,
    expiresOn: defaultExpiresOn ?? "",
  });
  return (
    <form className={`form ${styles.decision}`} aria-label="Valider la pièce" onSubmit={onSubmit} noValidate>
      <FormMessage state={state} />
      <input type="hidden" {...form.register("documentId")} />
      <TextField
        label="Date d'expiration"
        type="date"
        hint={
          defaultExpiresOn
            ? "Proposée d'après la durée de validité de ce type de pièce. Laissez vide si la pièce n'expire pas."
            : "Laissez vide si la pièce n'expire pas."
        }
        registration={form.register("expiresOn")}
        error={form.formState.errors.expiresOn?.message}
      />
      <div className="button-row">
        <button type="submit" className="button" disabled={pending} aria-busy={pending || undefined}>
          Valider
        </button>
      </div>
    </form>
  );
}

/** "Refuser" with its reason, mailed to the family. */
export function RefuseDocumentForm({ action, documentId }: { action: FormAction; documentId: string }) {
  const { form, state, pending, onSubmit } = useActionForm(refuseDocumentSchema, action, { documentId, reason: "" });
  return (
    <form className={`form ${styles.decision}`} aria-label="Refuser la pièce" onSubmit={onSubmit} noValidate>
      <FormMessage state={state} />
      <input type="hidden" {...form.register("documentId")} />
      <TextField
        multiline
        required
        label="Motif du refus"
        hint="La famille le lit dans ses pièces justificatives et le reçoit par mail."
        registration={form.register("reason")}
        error={form.formState.errors.reason?.message}
      />
      <div className="button-row">
        <button type="submit" className="button button--danger" disabled={pending} aria-busy={pending || undefined}>
          Refuser
        </button>
      </div>
    </form>
  );
}

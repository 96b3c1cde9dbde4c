"use client";

import { FormMessage, SubmitButton, TextField, useActionForm } from "@/components/ui/form-kit";
import type { FormAction } from "@/lib/actions/state";
import { creditNoteSchema } from "@/lib/billing/money-schemas";

/** "Annuler par un avoir": cancels the whole invoice with a credit note of its amount, for the reason given. */
export function CreditNoteForm({
  action,
  invoiceId,
  amount,
}: {
  action: FormAction;
  invoiceId: string;
  amount: string;
}) {
  const { form, state, pending, onSubmit } = useActionForm(creditNoteSchema, action, { invoiceId, reason: "" });
  if (state?.ok) return <FormMessage state={state} />;
  return (
    <form className="form" onSubmit={onSubmit} noValidate aria-labelledby="avoir-titre">
      <h2 id="avoir-titre">Annuler par un avoir</h2>
      <p>
        Un avoir de {amount} annule la facture entière ; elle n&apos;est jamais modifiée. Les jours encore dus seront
        facturés en régularisation sur la prochaine facture.
      </p>
      <FormMessage state={state} />
      <input type="hidden" {...form.register("invoiceId")} />
      <TextField
        multiline
        label="Motif de l'avoir"
        required
        hint="Imprimé sur l'avoir, par exemple : erreur de tarif."
        registration={form.register("reason")}
        error={form.formState.errors.reason?.message}
      />
      <div className="button-row">
        <SubmitButton pending={pending}>Annuler la facture par un avoir</SubmitButton>
      </div>
    </form>
  );
}

"use client";

import { FormMessage, SubmitButton, TextField, useActionForm } from "@/components/ui/form-kit";
import type { FormAction } from "@/lib/actions/state";
import { cancelPaymentSchema } from "@/lib/billing/money-schemas";

/**
 * "Annuler ce règlement" (a rejected cheque…), behind a disclosure so that it is never one click away: the reason
 * is required and kept with the payment.
 */
export function CancelPaymentForm({
  action,
  paymentId,
  operationNumber,
  otherInvoices,
}: {
  action: FormAction;
  paymentId: string;
  operationNumber: string;
  /** "F2027-000124 (10,00 €)": the other invoices this payment settles, whose balance comes back too. */
  otherInvoices: string[];
}) {
  const { form, state, pending, onSubmit } = useActionForm(cancelPaymentSchema, action, { paymentId, reason: "" });
  if (state?.ok) return <FormMessage state={state} />;
  return (
    <details>
      <summary>Annuler le règlement n° {operationNumber}</summary>
      <form className="form" onSubmit={onSubmit} noValidate aria-label={`Annuler le règlement n° ${operationNumber}`}>
        <FormMessage state={state} />
        <input type="hidden" {...form.register("paymentId")} />
        {otherInvoices.length > 0 ? (
          <p>Ce règlement porte aussi sur : {otherInvoices.join(", ")}. Leur solde sera rétabli également.</p>
        ) : null}
        <TextField
          multiline
          label="Motif de l'annulation"
          required
          hint="Par exemple : chèque rejeté par la banque. Le règlement reste dans l'historique."
          registration={form.register("reason")}
          error={form.formState.errors.reason?.message}
        />
        <div className="button-row">
          <SubmitButton pending={pending}>Confirmer l&apos;annulation du règlement</SubmitButton>
        </div>
      </form>
    </details>
  );
}

"use client";

import { useId } from "react";
import { FormMessage, TextField, useActionForm } from "@/components/ui/form-kit";
import type { FormAction } from "@/lib/actions/state";
import { subscribeByInvoiceSchema } from "@/lib/subscriptions/schemas";
import { SearchOrCancel } from "./search-or-cancel";

/** M'abonner "Avec une de vos factures": the four references printed on an invoice. */
export function SubscribeByInvoiceForm({ action, cancelHref }: { action: FormAction; cancelHref: string }) {
  const headingId = useId();
  const { form, state, pending, onSubmit } = useActionForm(subscribeByInvoiceSchema, action, {
    emissionCode: "",
    reference: "",
    amount: "",
    personalCode: "",
  });
  const { errors } = form.formState;
  return (
    <form className="form" aria-labelledby={headingId} onSubmit={onSubmit} noValidate>
      <h2 id={headingId}>Avec une de vos factures</h2>
      <p>Références situées dans une de vos factures émises par votre collectivité.</p>
      <FormMessage state={state} />
      <TextField
        label="Code émission de la facture"
        hint="Retrouvez le code émission sur le pied de page de votre facture"
        required
        autoComplete="off"
        registration={form.register("emissionCode")}
        error={errors.emissionCode?.message}
      />
      <TextField
        label="Référence de la facture"
        hint="Retrouvez la référence sur votre facture"
        required
        autoComplete="off"
        registration={form.register("reference")}
        error={errors.reference?.message}
      />
      <TextField
        label="Montant de la facture"
        hint="En euros, par exemple 86,40"
        required
        inputMode="decimal"
        autoComplete="off"
        registration={form.register("amount")}
        error={errors.amount?.message}
      />
      <TextField
        label="Code personnel"
        hint="Saisissez le code personnel du destinataire de la facture"
        required
        autoComplete="off"
        registration={form.register("personalCode")}
        error={errors.personalCode?.message}
      />
      <SearchOrCancel pending={pending} cancelHref={cancelHref} />
    </form>
  );
}

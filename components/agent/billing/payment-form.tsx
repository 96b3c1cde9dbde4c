"use client";

import { useWatch } from "react-hook-form";
import { DataTable } from "@/components/ui/data-table";
import { FieldError, FormMessage, SelectField, SubmitButton, TextField, useActionForm } from "@/components/ui/form-kit";
import selectStyles from "@/components/ui/selectable-table.module.css";
import type { FormAction } from "@/lib/actions/state";
import {
  allocateOldestDueFirst,
  COUNTER_PAYMENT_METHODS,
  type OpenInvoice,
  PAYMENT_METHOD_LABELS,
} from "@/lib/billing/allocation";
import { centsOf, paymentFormSchema } from "@/lib/billing/money-schemas";
import { formatDate, formatEuros } from "@/lib/format";
import styles from "./billing.module.css";

/** An invoice the payment may settle, ready to show. */
export type PayableInvoiceRow = OpenInvoice & { issuer: string; amountCents: number; statusLabel: string };

/** 1410 → "14,10", as the agent types amounts. */
const typedEuros = (cents: number) => (cents / 100).toFixed(2).replace(".", ",");

/**
 * "Enregistrer un règlement": the household's open invoices with a tick box and the part of the payment each gets
 * (prefilled with its balance), the means, the day, the cheque number, the amount received, and the total
 * allocated as the agent types. "Répartir le montant" settles the oldest due first. The hidden key generated when
 * the page was shown makes a second submission record nothing.
 */
export function PaymentForm({
  action,
  householdId,
  idempotencyKey,
  today,
  invoices,
  after,
}: {
  action: FormAction<{ operationNumber: string }>;
  householdId: string;
  idempotencyKey: string;
  today: string;
  invoices: PayableInvoiceRow[];
  /** The links shown once the payment is recorded. */
  after: React.ReactNode;
}) {
  const { form, state, pending, onSubmit } = useActionForm(paymentFormSchema, action, {
    householdId,
    idempotencyKey,
    method: "cheque",
    receivedOn: today,
    reference: "",
    amount: "",
    allocations: invoices.map((invoice) => ({
      invoiceId: invoice.id,
      selected: false,
      amount: typedEuros(invoice.balanceCents),
    })),
  });
  const values = useWatch({ control: form.control });
  const errors = form.formState.errors;

  if (state?.ok)
    return (
      <>
        <FormMessage state={state} />
        {after}
      </>
    );

  const allocatedCents = (values.allocations ?? []).reduce(
    (sum, row) => sum + (row?.selected ? (centsOf(row.amount) ?? 0) : 0),
    0,
  );
  const allocationsError =
    (errors.allocations as { root?: { message?: string }; message?: string } | undefined)?.root?.message ??
    errors.allocations?.message;

  const spreadAmount = () => {
    const amountCents = centsOf(form.getValues("amount")) ?? 0;
    const { allocations } = allocateOldestDueFirst(amountCents, invoices);
    invoices.forEach((invoice, index) => {
      const part = allocations.find((a) => a.invoiceId === invoice.id);
      form.setValue(`allocations.${index}.selected`, Boolean(part));
      form.setValue(`allocations.${index}.amount`, typedEuros(part?.amountCents ?? invoice.balanceCents));
    });
  };

  return (
    <form className="form" onSubmit={onSubmit} noValidate aria-label="Enregistrer un règlement">
      <FormMessage state={state} />
      <input type="hidden" {...form.register("householdId")} />
      <input type="hidden" {...form.register("idempotencyKey")} />

      <fieldset aria-describedby={allocationsError ? "factures-erreur" : undefined}>
        <legend>Factures réglées</legend>
        <DataTable
          caption="Factures à régler, la plus ancienne échéance d'abord"
          hiddenCaption
          rows={invoices.map((invoice, index) => ({ ...invoice, index }))}
          columns={[
            {
              header: <span className="visually-hidden">Régler</span>,
              className: selectStyles.selectCell,
              cell: (invoice) => (
                <>
                  <input type="hidden" {...form.register(`allocations.${invoice.index}.invoiceId`)} />
                  <input
                    type="checkbox"
                    aria-label={`Régler la facture ${invoice.reference}`}
                    {...form.register(`allocations.${invoice.index}.selected`)}
                  />
                </>
              ),
            },
            { header: "Numéro", rowHeader: true, cell: (invoice) => invoice.reference },
            { header: "Date", cell: (invoice) => formatDate(invoice.issuedOn) },
            { header: "Échéance", cell: (invoice) => formatDate(invoice.dueOn) },
            { header: "Émetteur", cell: (invoice) => invoice.issuer },
            { header: "Montant", className: styles.amount, cell: (invoice) => formatEuros(invoice.amountCents) },
            { header: "Solde", className: styles.amount, cell: (invoice) => formatEuros(invoice.balanceCents) },
            { header: "Statut", cell: (invoice) => invoice.statusLabel },
            {
              header: "Montant affecté (€)",
              cell: (invoice) => {
                const error = errors.allocations?.[invoice.index]?.amount?.message;
                const errorId = `affecte-${invoice.index}-erreur`;
                return (
                  <>
                    <input
                      type="text"
                      inputMode="decimal"
                      autoComplete="off"
                      className={styles.amountInput}
                      aria-label={`Montant affecté à la facture ${invoice.reference}, en euros`}
                      aria-invalid={error ? true : undefined}
                      aria-describedby={error ? errorId : undefined}
                      {...form.register(`allocations.${invoice.index}.amount`)}
                    />
                    <FieldError id={errorId} message={error} />
                  </>
                );
              },
            },
          ]}
        />
        <FieldError id="factures-erreur" message={allocationsError} />
        <p className={styles.total} aria-live="polite">
          Total affecté aux factures : {formatEuros(allocatedCents)}
        </p>
      </fieldset>

      <SelectField
        label="Moyen de paiement"
        required
        options={COUNTER_PAYMENT_METHODS.map((method) => ({ value: method, label: PAYMENT_METHOD_LABELS[method] }))}
        registration={form.register("method")}
        error={errors.method?.message}
      />
      <TextField
        label="Date de réception"
        type="date"
        required
        registration={form.register("receivedOn")}
        error={errors.receivedOn?.message}
      />
      <TextField
        label={values.method === "cheque" ? "N° de chèque" : "Description"}
        required={values.method === "cheque"}
        autoComplete="off"
        hint={
          values.method === "cheque"
            ? "Imprimé sur le règlement : « Chèque n° … »."
            : "Facultatif, par exemple le nombre de titres CESU ou la référence du virement."
        }
        registration={form.register("reference")}
        error={errors.reference?.message}
      />
      <TextField
        label="Montant du règlement"
        required
        inputMode="decimal"
        autoComplete="off"
        hint="En euros, par exemple 14,10. Il doit être égal au total affecté aux factures."
        registration={form.register("amount")}
        error={errors.amount?.message}
      />
      <div className="button-row">
        <SubmitButton pending={pending}>Enregistrer le règlement</SubmitButton>
        <button type="button" className="button button--secondary" onClick={spreadAmount}>
          Répartir le montant sur les factures
        </button>
      </div>
      <p className="field__hint">
        « Répartir le montant » coche les factures de la plus ancienne échéance à la plus récente, chacune jusqu&apos;à
        son solde.
      </p>
    </form>
  );
}

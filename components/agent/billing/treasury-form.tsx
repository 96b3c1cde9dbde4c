"use client";

import { FormMessage, SubmitButton, useActionForm } from "@/components/ui/form-kit";
import { Link } from "@/components/ui/link";
import { SelectableTable, useTableSelection } from "@/components/ui/selectable-table";
import type { FormAction } from "@/lib/actions/state";
import { transmitToTreasurySchema } from "@/lib/billing/money-schemas";
import styles from "./billing.module.css";

/** An invoice that may go to the treasury, ready to show. */
export interface TreasuryRow {
  id: string;
  reference: string;
  href: string;
  householdName: string;
  householdHref: string;
  issuedOn: string;
  dueOn: string;
  transmissibleFrom: string;
  amount: string;
  balance: string;
}

/** The eligible invoices with a tick box each, "select all", and "Transmettre en trésorerie" for the selection. */
export function TreasuryForm({ action, rows, caption }: { action: FormAction; rows: TreasuryRow[]; caption: string }) {
  const { form, state, pending, onSubmit } = useActionForm(transmitToTreasurySchema, action, { invoiceIds: [] });
  const selection = useTableSelection({ form, name: "invoiceIds", ids: rows.map((row) => row.id), state });
  const error = form.formState.errors.invoiceIds?.message;

  return (
    <form onSubmit={onSubmit} noValidate aria-label="Transmission en trésorerie">
      <FormMessage state={state} />
      {rows.length === 0 ? (
        <p role="status">Aucune facture n&apos;est à transmettre en trésorerie aujourd&apos;hui.</p>
      ) : (
        <>
          <SelectableTable
            label="Factures à transmettre"
            caption={caption}
            rows={rows}
            selection={selection}
            selectAllLabel="Sélectionner toutes les factures"
            selectLabel={(row) => `Sélectionner la facture ${row.reference}`}
            columns={[
              { header: "Numéro", rowHeader: true, cell: (row) => <Link href={row.href}>{row.reference}</Link> },
              { header: "Famille", cell: (row) => <Link href={row.householdHref}>Famille {row.householdName}</Link> },
              { header: "Date", cell: (row) => row.issuedOn },
              { header: "Échéance", cell: (row) => row.dueOn },
              { header: "Transmissible depuis le", cell: (row) => row.transmissibleFrom },
              { header: "Montant", className: styles.amount, cell: (row) => row.amount },
              { header: "Solde", className: styles.amount, cell: (row) => row.balance },
            ]}
          />
          {error ? (
            <p className="field__error" role="alert">
              {error}
            </p>
          ) : null}
          <div className="button-row">
            <SubmitButton pending={pending}>
              Transmettre en trésorerie ({selection.count} facture{selection.count > 1 ? "s" : ""})
            </SubmitButton>
          </div>
        </>
      )}
    </form>
  );
}

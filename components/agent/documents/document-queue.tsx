"use client";

import type { ReactNode } from "react";
import { DecisionReport } from "@/components/agent/requests/decision-report";
import { SubmitButton, useActionForm } from "@/components/ui/form-kit";
import { Link } from "@/components/ui/link";
import { SelectableTable, useTableSelection } from "@/components/ui/selectable-table";
import type { FormAction } from "@/lib/actions/state";
import { validateDocumentsSchema } from "@/lib/documents/schemas";

/** One document of the queue, ready to show. */
export interface QueueViewRow {
  id: string;
  href: string;
  typeLabel: string;
  householdName: string | null;
  householdHref: string | null;
  childName: string | null;
  createdAt: string;
  format: string;
  stateLabel: string;
  requestHref: string | null;
  /** Pending: it may be ticked for "Valider la sélection". */
  pending: boolean;
}

/**
 * The queue's table, a checkbox per pending document and "Valider la sélection" (each with its type's default
 * expiry). Stays mounted when no row is left so the report of the last validation stays on screen.
 */
export function DocumentQueue({
  action,
  rows,
  caption,
  empty,
}: {
  action: FormAction;
  rows: QueueViewRow[];
  caption: string;
  empty: ReactNode;
}) {
  const { form, state, pending, onSubmit } = useActionForm(validateDocumentsSchema, action, { documentIds: [] });
  const selection = useTableSelection({
    form,
    name: "documentIds",
    ids: rows.filter((row) => row.pending).map((row) => row.id),
    state,
  });
  const error = form.formState.errors.documentIds?.message;

  return (
    <form onSubmit={onSubmit} noValidate aria-label="Validation des pièces sélectionnées">
      <DecisionReport state={state} />
      {rows.length === 0 ? empty : null}
      {rows.length > 0 ? (
        <SelectableTable
          label="Pièces justificatives"
          caption={caption}
          rows={rows}
          selection={selection}
          selectAllLabel="Sélectionner toutes les pièces à vérifier de la page"
          selectLabel={(row) =>
            `Sélectionner ${row.typeLabel}${row.householdName ? ` de la famille ${row.householdName}` : ""}${row.childName ? ` (${row.childName})` : ""}`
          }
          columns={[
            { header: "Pièce", rowHeader: true, cell: (row) => <Link href={row.href}>{row.typeLabel}</Link> },
            {
              header: "Famille",
              cell: (row) =>
                row.householdName && row.householdHref ? (
                  <Link href={row.householdHref}>Famille {row.householdName}</Link>
                ) : (
                  "Nouvelle famille"
                ),
            },
            { header: "Enfant", cell: (row) => row.childName ?? "–" },
            { header: "Déposée le", cell: (row) => row.createdAt },
            { header: "Format", cell: (row) => row.format },
            {
              header: "Demande",
              cell: (row) => (row.requestHref ? <Link href={row.requestHref}>Voir la demande</Link> : "–"),
            },
            { header: "État", cell: (row) => row.stateLabel },
          ]}
        />
      ) : null}
      {selection.ids.length > 0 ? (
        <div className="form">
          <p>
            {selection.count === 0
              ? "Cochez les pièces conformes : chacune est validée avec la durée de validité de son type."
              : `${selection.count} pièce(s) sélectionnée(s) : chacune est validée avec la durée de validité de son type.`}
          </p>
          {error ? (
            <p className="field__error" role="alert">
              {error}
            </p>
          ) : null}
          <div className="button-row">
            <SubmitButton pending={pending}>Valider la sélection</SubmitButton>
          </div>
        </div>
      ) : null}
    </form>
  );
}

"use client";

import type { ReactNode } from "react";
import { useActionForm } from "@/components/ui/form-kit";
import { Link } from "@/components/ui/link";
import { SelectableTable, useTableSelection } from "@/components/ui/selectable-table";
import type { FormAction } from "@/lib/actions/state";
import { decideRequestsSchema } from "@/lib/agents/requests-schemas";
import { DecisionFields } from "./decision-fields";
import { DecisionReport } from "./decision-report";

/** One request of the inbox, ready to show. */
export interface InboxRow {
  id: string;
  reference: string;
  href: string;
  householdName: string | null;
  typeLabel: string;
  subject: string | null;
  createdOn: string;
  statusLabel: string;
  pending: boolean;
}

/**
 * The inbox table with a checkbox per pending request and the bulk "Accepter / Refuser la sélection". Stays
 * mounted when no row is left (`empty` is shown instead) so the report of the last decision stays on screen.
 */
export function RequestInbox({
  action,
  rows,
  caption,
  empty,
}: {
  action: FormAction;
  rows: InboxRow[];
  caption: string;
  empty: ReactNode;
}) {
  const { form, state, pending, onSubmit } = useActionForm(decideRequestsSchema, action, {
    requestIds: [],
    message: "",
  });
  const selection = useTableSelection({
    form,
    name: "requestIds",
    ids: rows.filter((row) => row.pending).map((row) => row.id),
    state,
  });

  return (
    <form onSubmit={onSubmit} noValidate aria-label="Traitement des demandes sélectionnées">
      <DecisionReport state={state} />
      {rows.length === 0 ? empty : null}
      {rows.length > 0 ? (
        <SelectableTable
          label="Demandes"
          caption={caption}
          rows={rows}
          selection={selection}
          selectAllLabel="Sélectionner toutes les demandes en cours de la page"
          selectLabel={(row) => `Sélectionner la demande ${row.reference}`}
          columns={[
            { header: "Référence", cell: (row) => <Link href={row.href}>{row.reference}</Link> },
            {
              header: "Famille",
              cell: (row) => (row.householdName ? `Famille ${row.householdName}` : "Nouvelle famille"),
            },
            { header: "Type", cell: (row) => row.typeLabel },
            { header: "Concerne", cell: (row) => row.subject ?? "–" },
            { header: "Déposée le", cell: (row) => row.createdOn },
            { header: "État", cell: (row) => row.statusLabel },
          ]}
        />
      ) : null}
      {selection.ids.length > 0 ? (
        <fieldset className="form">
          <legend>Traiter la sélection ({selection.count} demande(s) sélectionnée(s))</legend>
          <DecisionFields
            form={form}
            pending={pending}
            acceptLabel="Accepter la sélection"
            refuseLabel="Refuser la sélection"
          />
        </fieldset>
      ) : null}
    </form>
  );
}

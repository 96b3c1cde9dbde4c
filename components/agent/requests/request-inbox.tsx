"use client";

import Link from "next/link";
import { type ReactNode, useEffect } from "react";
import { useActionForm } from "@/components/ui/form-kit";
import { TableWrap } from "@/components/ui/table-wrap";
import { decideRequestsAction } from "@/lib/agents/requests-actions";
import { decideRequestsSchema } from "@/lib/agents/requests-schemas";
import { DecisionFields } from "./decision-fields";
import { DecisionReport } from "./decision-report";
import styles from "./requests.module.css";

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
  slug,
  rows,
  caption,
  empty,
}: {
  slug: string;
  rows: InboxRow[];
  caption: string;
  empty: ReactNode;
}) {
  const { form, state, pending, onSubmit } = useActionForm(decideRequestsSchema, decideRequestsAction, {
    requestIds: [],
    message: "",
  });
  const selectable = rows.filter((row) => row.pending).map((row) => row.id);
  const selected = form.watch("requestIds");
  const selectedCount = Array.isArray(selected) ? selected.length : selected ? 1 : 0;
  const allSelected = selectable.length > 0 && selectedCount === selectable.length;

  useEffect(() => {
    // Once decided, the selection is spent (the rows change); a field error keeps it to be corrected.
    if (state && (state.ok || Object.keys(state.fieldErrors).length === 0)) form.reset({ requestIds: [], message: "" });
  }, [state, form]);

  return (
    <form onSubmit={onSubmit} noValidate aria-label="Traitement des demandes sélectionnées">
      <input type="hidden" name="commune" value={slug} />
      <DecisionReport state={state} />
      {rows.length === 0 ? empty : null}
      {rows.length > 0 ? (
        <TableWrap label="Demandes">
          <table>
            <caption>{caption}</caption>
            <thead>
              <tr>
                <th scope="col" className={styles.selectCell}>
                  <input
                    type="checkbox"
                    aria-label="Sélectionner toutes les demandes en cours de la page"
                    checked={allSelected}
                    disabled={selectable.length === 0}
                    onChange={(event) =>
                      form.setValue("requestIds", event.target.checked ? selectable : [], {
                        shouldValidate: form.formState.isSubmitted,
                      })
                    }
                  />
                </th>
                <th scope="col">Référence</th>
                <th scope="col">Famille</th>
                <th scope="col">Type</th>
                <th scope="col">Concerne</th>
                <th scope="col">Déposée le</th>
                <th scope="col">État</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.id}>
                  <td className={styles.selectCell}>
                    {row.pending ? (
                      <input
                        type="checkbox"
                        value={row.id}
                        aria-label={`Sélectionner la demande ${row.reference}`}
                        {...form.register("requestIds")}
                      />
                    ) : null}
                  </td>
                  <td>
                    <Link href={row.href}>{row.reference}</Link>
                  </td>
                  <td>{row.householdName ? `Famille ${row.householdName}` : "Nouvelle famille"}</td>
                  <td>{row.typeLabel}</td>
                  <td>{row.subject ?? "–"}</td>
                  <td>{row.createdOn}</td>
                  <td>{row.statusLabel}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      ) : null}
      {selectable.length > 0 ? (
        <fieldset className="form">
          <legend>Traiter la sélection ({selectedCount} demande(s) sélectionnée(s))</legend>
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

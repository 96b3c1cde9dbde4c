"use client";

import Link from "next/link";
import { useEffect } from "react";
import { bookingDecisionSchema } from "@/app/[commune]/agent/reservations/decision-schema";
import { DecisionReport } from "@/components/agent/requests/decision-report";
import { TextField, useActionForm } from "@/components/ui/form-kit";
import { TableWrap } from "@/components/ui/table-wrap";
import type { FormAction } from "@/lib/actions/state";
import styles from "./planning.module.css";

/** One pending request of the day, ready to show. */
export interface PendingLineView {
  bookingId: string;
  childName: string;
  householdName: string;
  householdHref: string;
  /** "Réservation" or "Absence". */
  kindLabel: string;
  reference: string | null;
  requestedAt: string;
}

const emptySelection = { bookingIds: [] as string[], message: "" };

/**
 * The day's pending requests with a checkbox each (and "Tout sélectionner"), then "Accepter" / "Refuser" the
 * selection. Stays mounted when no line is left so the report of the last decision stays on screen.
 */
export function BookingDecisionForm({
  slug,
  action,
  lines,
  caption,
}: {
  slug: string;
  action: FormAction;
  lines: PendingLineView[];
  caption: string;
}) {
  const { form, state, pending, onSubmit } = useActionForm(bookingDecisionSchema, action, emptySelection);
  const { errors } = form.formState;
  const selected = form.watch("bookingIds");
  const selectedCount = Array.isArray(selected) ? selected.length : selected ? 1 : 0;
  const allIds = lines.map((line) => line.bookingId);
  const allSelected = lines.length > 0 && selectedCount === lines.length;

  useEffect(() => {
    // Once decided, the selection is spent (the lines change); a field error keeps it to be corrected.
    if (state && (state.ok || Object.keys(state.fieldErrors).length === 0)) form.reset(emptySelection);
  }, [state, form]);

  const decide = (decision: "accept" | "refuse") => () => form.setValue("decision", decision);

  return (
    <form onSubmit={onSubmit} noValidate aria-label="Traitement des demandes du jour">
      <input type="hidden" name="commune" value={slug} />
      <input type="hidden" {...form.register("decision")} />
      <DecisionReport state={state} />
      {lines.length === 0 ? (
        <p>Aucune demande en attente pour ce jour.</p>
      ) : (
        <>
          <TableWrap label="Demandes en attente du jour">
            <table>
              <caption>{caption}</caption>
              <thead>
                <tr>
                  <th scope="col" className={styles.selectCell}>
                    <input
                      type="checkbox"
                      aria-label="Tout sélectionner"
                      checked={allSelected}
                      onChange={(event) =>
                        form.setValue("bookingIds", event.target.checked ? allIds : [], {
                          shouldValidate: form.formState.isSubmitted,
                        })
                      }
                    />
                  </th>
                  <th scope="col">Enfant</th>
                  <th scope="col">Famille</th>
                  <th scope="col">Type</th>
                  <th scope="col">Référence</th>
                  <th scope="col">Demandée le</th>
                </tr>
              </thead>
              <tbody>
                {lines.map((line) => (
                  <tr key={line.bookingId}>
                    <td className={styles.selectCell}>
                      <input
                        type="checkbox"
                        value={line.bookingId}
                        aria-label={`Sélectionner : ${line.kindLabel.toLowerCase()} de ${line.childName}${line.reference ? ` (${line.reference})` : ""}`}
                        {...form.register("bookingIds")}
                      />
                    </td>
                    <th scope="row">{line.childName}</th>
                    <td>
                      <Link href={line.householdHref}>Famille {line.householdName}</Link>
                    </td>
                    <td>{line.kindLabel}</td>
                    <td>{line.reference ?? "–"}</td>
                    <td>{line.requestedAt}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
          <fieldset className={`form ${styles.form}`}>
            <legend>Traiter la sélection ({selectedCount} demande(s) sélectionnée(s))</legend>
            {errors.bookingIds?.message ? (
              <p className="field__error" role="alert">
                {errors.bookingIds.message}
              </p>
            ) : null}
            <TextField
              multiline
              label="Message à la famille"
              hint="Obligatoire pour un refus. La famille le lit dans le mail qui l'informe de la décision et dans l'historique du jour."
              registration={form.register("message")}
              error={errors.message?.message}
            />
            <div className="button-row">
              <button
                type="submit"
                className="button"
                disabled={pending}
                aria-busy={pending || undefined}
                onClick={decide("accept")}
              >
                Accepter
              </button>
              <button
                type="submit"
                className="button button--danger"
                disabled={pending}
                aria-busy={pending || undefined}
                onClick={decide("refuse")}
              >
                Refuser
              </button>
            </div>
          </fieldset>
        </>
      )}
    </form>
  );
}

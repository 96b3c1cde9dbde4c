"use client";

import { DecisionReport } from "@/components/agent/requests/decision-report";
import { TextField, useActionForm } from "@/components/ui/form-kit";
import { Link } from "@/components/ui/link";
import { SelectableTable, useTableSelection } from "@/components/ui/selectable-table";
import type { FormAction } from "@/lib/actions/state";
import { bookingDecisionSchema } from "@/lib/bookings/decision-schema";
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
  action,
  lines,
  caption,
}: {
  action: FormAction;
  lines: PendingLineView[];
  caption: string;
}) {
  const { form, state, pending, onSubmit } = useActionForm(bookingDecisionSchema, action, emptySelection);
  const { errors } = form.formState;
  const selection = useTableSelection({
    form,
    name: "bookingIds",
    ids: lines.map((line) => line.bookingId),
    state,
  });

  const decide = (decision: "accept" | "refuse") => () => form.setValue("decision", decision);

  return (
    <form onSubmit={onSubmit} noValidate aria-label="Traitement des demandes du jour">
      <input type="hidden" {...form.register("decision")} />
      <DecisionReport state={state} />
      {lines.length === 0 ? (
        <p>Aucune demande en attente pour ce jour.</p>
      ) : (
        <>
          <SelectableTable
            label="Demandes en attente du jour"
            caption={caption}
            rows={lines}
            rowKey={(line) => line.bookingId}
            selection={selection}
            selectAllLabel="Tout sélectionner"
            selectLabel={(line) =>
              `Sélectionner : ${line.kindLabel.toLowerCase()} de ${line.childName}${line.reference ? ` (${line.reference})` : ""}`
            }
            columns={[
              { header: "Enfant", rowHeader: true, cell: (line) => line.childName },
              {
                header: "Famille",
                cell: (line) => <Link href={line.householdHref}>Famille {line.householdName}</Link>,
              },
              { header: "Type", cell: (line) => line.kindLabel },
              { header: "Référence", cell: (line) => line.reference ?? "–" },
              { header: "Demandée le", cell: (line) => line.requestedAt },
            ]}
          />
          <fieldset className={`form ${styles.form}`}>
            <legend>Traiter la sélection ({selection.count} demande(s) sélectionnée(s))</legend>
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

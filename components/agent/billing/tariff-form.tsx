"use client";

import { useFieldArray } from "react-hook-form";
import styles from "@/components/agent/planning/planning.module.css";
import { FieldError, FormMessage, SubmitButton, TextField, useActionForm } from "@/components/ui/form-kit";
import type { FormAction } from "@/lib/actions/state";
import { MAX_BRACKETS, tariffSchema } from "@/lib/billing/settings-schemas";
import billing from "./billing.module.css";

/** A bracket as typed: the quotient limit (empty on the last one) and the price in euros ("1,85"). */
export type BracketValues = { upToQuotient: string; unitPrice: string };

export type TariffValues = { validFrom: string; defaultUnitPrice: string; brackets: BracketValues[] };

/**
 * "Nouveau tarif": from a date on, the price when the quotient familial is unknown and the brackets "QF jusqu'à N";
 * the last bracket applies above the others. Rows are added before the last one and removed from the others.
 */
export function TariffForm({
  action,
  activityId,
  initial,
}: {
  action: FormAction;
  activityId: string;
  initial: TariffValues;
}) {
  const { form, state, pending, onSubmit } = useActionForm(tariffSchema, action, { activityId, ...initial });
  const { fields, insert, remove } = useFieldArray({ control: form.control, name: "brackets" });
  const { errors } = form.formState;
  const { register, watch } = form;
  const rowErrors = errors.brackets;
  const listError = rowErrors?.message ?? rowErrors?.root?.message;
  const brackets = watch("brackets");
  const last = fields.length - 1;
  return (
    <form className={`form ${styles.form} ${styles.wideForm}`} aria-label="Tarif" onSubmit={onSubmit} noValidate>
      <p className="form-required-note">Les champs marqués d&apos;un astérisque (*) sont obligatoires.</p>
      <FormMessage state={state} />
      <input type="hidden" {...register("activityId")} />
      <div className={styles.row}>
        <TextField
          label="Applicable à partir du"
          type="date"
          required
          hint="Une nouvelle date s'ajoute aux tarifs précédents sans les modifier."
          registration={register("validFrom")}
          error={errors.validFrom?.message}
        />
        <TextField
          label="Prix quand le quotient est inconnu (€)"
          required
          inputMode="decimal"
          autoComplete="off"
          hint="Par exemple 4,70."
          registration={register("defaultUnitPrice")}
          error={errors.defaultUnitPrice?.message}
        />
      </div>
      <fieldset>
        <legend>Tranches de quotient familial (prix par jour)</legend>
        {fields.map((row, index) => {
          const previous = index > 0 ? brackets?.[index - 1]?.upToQuotient : undefined;
          return (
            <fieldset key={row.id} className={billing.bracket}>
              <legend>
                {index === last
                  ? previous
                    ? `Dernière tranche : QF au-delà de ${previous}`
                    : "Tranche unique : tous quotients"
                  : `Tranche ${index + 1}`}
              </legend>
              <div className={styles.row}>
                {index === last ? null : (
                  <TextField
                    label="QF jusqu'à"
                    required
                    inputMode="numeric"
                    autoComplete="off"
                    registration={register(`brackets.${index}.upToQuotient`)}
                    error={rowErrors?.[index]?.upToQuotient?.message}
                  />
                )}
                <TextField
                  label="Prix (€)"
                  required
                  inputMode="decimal"
                  autoComplete="off"
                  registration={register(`brackets.${index}.unitPrice`)}
                  error={rowErrors?.[index]?.unitPrice?.message}
                />
              </div>
              {index === last ? null : (
                <button type="button" className="button button--small button--secondary" onClick={() => remove(index)}>
                  Retirer la tranche {index + 1}
                </button>
              )}
            </fieldset>
          );
        })}
        <FieldError id="brackets-error" message={listError} />
        {fields.length < MAX_BRACKETS ? (
          <button
            type="button"
            className="button button--secondary"
            onClick={() => insert(Math.max(last, 0), { upToQuotient: "", unitPrice: "" })}
          >
            Ajouter une tranche
          </button>
        ) : null}
      </fieldset>
      <div className="button-row">
        <SubmitButton pending={pending}>Enregistrer le tarif</SubmitButton>
      </div>
    </form>
  );
}

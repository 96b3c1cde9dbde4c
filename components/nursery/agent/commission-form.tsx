"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import {
  CheckboxField,
  FormMessage,
  RadioGroupField,
  SelectField,
  SubmitButton,
  TextField,
  useActionForm,
} from "@/components/ui/form-kit";
import type { FormAction } from "@/lib/actions/state";
import { CRECHE_WEEKDAYS, commissionSchema, type DecisionRowInput } from "@/lib/nursery/agent-schemas";
import { WEEKDAY_NAMES } from "@/lib/planning/days";
import styles from "./nursery-agent.module.css";

/** One application as the commission sees it, with its row's prefilled values. */
export type CommissionRowView = {
  reference: string;
  childName: string;
  /** "Famille MARTIN · Bébés (moins de 12 mois) · Accueil régulier · entrée souhaitée le 01/09/2027 · …". */
  facts: string;
  /** The wished structures first ("choix n°1"…), then the commune's other active ones. */
  structureOptions: { value: string; label: string }[];
  initial: DecisionRowInput;
};

const DECISIONS = [
  { value: "none", label: "Pas de décision" },
  { value: "offer", label: "Place proposée" },
  { value: "waiting", label: "Liste d'attente" },
  { value: "refuse", label: "Refusée" },
];

/**
 * The commission's decisions and, above them, the last save's result: a save changes the rows (the decided ones leave
 * the list), so the form starts again with the new rows while the result stays, focused for keyboard users.
 */
export function CommissionDecisions({
  action,
  commissionOn,
  rows,
}: {
  action: FormAction;
  commissionOn: string;
  rows: readonly CommissionRowView[];
}) {
  const [saved, setSaved] = useState<string | null>(null);
  const notice = useRef<HTMLParagraphElement>(null);
  // The result is kept here, out of the form: the same answer brings the new rows, which replace the form.
  const tracked = useCallback<FormAction>(
    async (previous, formData) => {
      const result = await action(previous, formData);
      setSaved(result?.ok ? (result.message ?? null) : null);
      return result;
    },
    [action],
  );
  useEffect(() => {
    if (saved) notice.current?.focus();
  }, [saved]);
  return (
    <>
      {saved ? (
        <p ref={notice} tabIndex={-1} className="notice notice--success" role="status">
          {saved}
        </p>
      ) : null}
      {rows.length === 0 ? (
        <p role="status">Aucune demande n&apos;attend de décision.</p>
      ) : (
        <CommissionForm
          key={rows.map((row) => `${row.initial.applicationId}@${row.initial.seen}`).join(",")}
          action={tracked}
          commissionOn={commissionOn}
          rows={rows}
        />
      )}
    </>
  );
}

/**
 * "Enregistrer les décisions": the commission's date, then for each application a decision — a place (structure,
 * start date, weekly schedule prefilled from the wish), the waiting list (rank), a refusal (reason) or none.
 * Saved together: a row refused (no place left, decided meanwhile) says why and nothing is recorded.
 */
function CommissionForm({
  action,
  commissionOn,
  rows,
}: {
  action: FormAction;
  commissionOn: string;
  rows: readonly CommissionRowView[];
}) {
  const { form, state, pending, onSubmit } = useActionForm(commissionSchema, action, {
    commissionOn,
    decisions: rows.map((row) => row.initial),
  });
  const { register, watch } = form;
  const { errors } = form.formState;
  return (
    <form className={`form ${styles.form}`} aria-label="Décisions de la commission" onSubmit={onSubmit} noValidate>
      <p className="form-required-note">Les champs marqués d&apos;un astérisque (*) sont obligatoires.</p>
      {state?.ok ? null : <FormMessage state={state} />}
      <TextField
        label="Date de la commission"
        type="date"
        required
        registration={register("commissionOn")}
        error={errors.commissionOn?.message}
      />
      <ol className={styles.rows}>
        {rows.map((row, index) => {
          const name = `decisions.${index}` as const;
          const rowErrors = errors.decisions?.[index];
          const decision = watch(`${name}.decision`);
          return (
            <li key={row.initial.applicationId} className="card">
              <h3>
                {row.reference} – {row.childName}
              </h3>
              <p className={styles.facts}>{row.facts}</p>
              <input type="hidden" {...register(`${name}.applicationId`)} />
              <input type="hidden" {...register(`${name}.seen`)} />
              <RadioGroupField
                legend={`Décision pour la demande ${row.reference}`}
                registration={register(`${name}.decision`)}
                options={DECISIONS}
                error={rowErrors?.decision?.message}
              />
              {decision === "offer" ? (
                <>
                  <div className={styles.offer}>
                    <SelectField
                      label="Structure"
                      required
                      options={row.structureOptions}
                      registration={register(`${name}.structureId`)}
                      error={rowErrors?.structureId?.message}
                    />
                    <TextField
                      label="Date d'entrée"
                      type="date"
                      required
                      registration={register(`${name}.startOn`)}
                      error={rowErrors?.startOn?.message}
                    />
                  </div>
                  <fieldset>
                    <legend>Planning proposé</legend>
                    {CRECHE_WEEKDAYS.map((day) => (
                      <div key={day} className={styles.day}>
                        <CheckboxField label={WEEKDAY_NAMES[day - 1]!} registration={register(`${name}.day${day}`)} />
                        <TextField
                          label={`Arrivée le ${WEEKDAY_NAMES[day - 1]}`}
                          type="time"
                          registration={register(`${name}.start${day}`)}
                          error={rowErrors?.[`start${day}`]?.message}
                        />
                        <TextField
                          label={`Départ le ${WEEKDAY_NAMES[day - 1]}`}
                          type="time"
                          registration={register(`${name}.end${day}`)}
                          error={rowErrors?.[`end${day}`]?.message}
                        />
                      </div>
                    ))}
                  </fieldset>
                </>
              ) : null}
              {decision === "waiting" ? (
                <TextField
                  label="Rang"
                  inputMode="numeric"
                  hint="Facultatif : la place de la demande sur la liste d'attente (1 = la première)."
                  registration={register(`${name}.rank`)}
                  error={rowErrors?.rank?.message}
                />
              ) : null}
              {decision === "refuse" ? (
                <TextField
                  label="Motif"
                  required
                  multiline
                  hint="Envoyé à la famille avec la décision."
                  registration={register(`${name}.reason`)}
                  error={rowErrors?.reason?.message}
                />
              ) : null}
            </li>
          );
        })}
      </ol>
      <div className="button-row">
        <SubmitButton pending={pending}>Enregistrer les décisions</SubmitButton>
      </div>
    </form>
  );
}

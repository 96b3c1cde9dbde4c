"use client";

import { type FormEvent, useEffect, useId, useRef, useState } from "react";
import { useWatch } from "react-hook-form";
import { FormMessage, SelectField, SubmitButton, TextField, useActionForm } from "@/components/ui/form-kit";
import type { ActionState, FormAction } from "@/lib/actions/state";
import { slotRequestSchema } from "@/lib/bookings/schemas";
import type { EnrolmentChoice, PeriodOutcome } from "@/lib/bookings/types";
import { formatDate } from "@/lib/format";
import { type IsoDay, weekdayName } from "@/lib/planning/days";
import type { SlotRequestKind } from "@/lib/planning/period";
import styles from "./period-form.module.css";
import { WeekdayField, withHtmlAttributes } from "./period-form-fields";
import { PreviewPanel, type PreviewView, previewFromState, usePeriodPreview } from "./period-form-preview";
import { PeriodResult } from "./period-form-result";

export interface PeriodFormValues {
  childId: string;
  activityId: string;
  from: string;
  to: string;
  weekdays: string[];
}

type Props = {
  slug: string;
  kind: SlotRequestKind;
  choices: EnrolmentChoice[];
  /** From the address (the no-JavaScript "Vérifier les dates" reloads the page with the form's values). */
  initial: PeriodFormValues;
  initialPreview: PreviewView;
  /** Today in Paris: no date before it may be asked. */
  today: IsoDay;
  /** Kept through the no-JavaScript reload when the account has several households. */
  householdId?: string;
  preview: FormAction<PeriodOutcome>;
  submit: FormAction<PeriodOutcome>;
};

const uniqueBy = <T,>(items: T[], key: (item: T) => string) => [
  ...new Map(items.map((item) => [key(item), item])).values(),
];

/** The child's enrolment(s) in the activity: the activity's days and hours, and every period it may be asked in. */
function enrolmentOf(choices: EnrolmentChoice[], childId: string, activityId: string) {
  const periods = choices
    .filter((c) => c.childId === childId && c.activityId === activityId)
    .sort((a, b) => a.startsOn.localeCompare(b.startsOn));
  if (periods.length === 0) return null;
  return { ...periods[0]!, periods, endsOn: periods.at(-1)!.endsOn };
}

/** Guide 003 §3.1.2: 1. the child, 2. one of its activities, 3. the period and weekdays; then "Demander". */
export function PeriodForm({
  slug,
  kind,
  choices,
  initial,
  initialPreview,
  today,
  householdId,
  preview,
  submit,
}: Props) {
  const headingId = useId();
  const formRef = useRef<HTMLFormElement>(null);
  const childOptions = uniqueBy(choices, (c) => c.childId).map((c) => ({ value: c.childId, label: c.childName }));
  const activitiesOf = (childId: string) =>
    uniqueBy(
      choices.filter((c) => c.childId === childId),
      (c) => c.activityId,
    );
  const soleActivity = (childId: string) =>
    activitiesOf(childId).length === 1 ? activitiesOf(childId)[0]!.activityId : "";
  const childId = initial.childId || (childOptions.length === 1 ? childOptions[0]!.value : "");
  const defaults = { kind, ...initial, childId, activityId: initial.activityId || soleActivity(childId) };

  const { form, state, pending, onSubmit } = useActionForm(slotRequestSchema, submit, defaults);
  const values = useWatch({ control: form.control });
  const complete = slotRequestSchema.safeParse(values).success;
  const { view, setView, refresh } = usePeriodPreview(
    preview,
    formRef,
    JSON.stringify(values),
    complete,
    initialPreview,
  );
  const [dismissed, setDismissed] = useState<ActionState<PeriodOutcome>>(null);
  const errors = form.formState.errors;

  // When every date was refused nothing was sent: the dates and their reasons replace the preview.
  useEffect(() => {
    if (state && !state.ok && state.data) setView(previewFromState(state));
  }, [state, setView]);

  const outcome = state?.data;
  if (state?.ok && outcome?.request && state !== dismissed) {
    const request = outcome.request;
    const another = () => {
      setDismissed(state);
      form.reset({ ...form.getValues(), from: "", to: "", weekdays: [] });
    };
    return (
      <PeriodResult message={state.message ?? ""} outcome={{ ...outcome, request }} slug={slug} onAnother={another} />
    );
  }

  const enrolment = enrolmentOf(choices, values.childId ?? "", values.activityId ?? "");
  const words =
    kind === "booking"
      ? { step: "3. Réservez", dates: "Les dates de réservation" }
      : { step: "3. Indiquez l'absence", dates: "Les dates d'absence" };

  // "Vérifier les dates" reloads the page without JavaScript; with it, the preview is simply asked now.
  const submitOrCheck = (event: FormEvent<HTMLFormElement>) => {
    const submitter = (event.nativeEvent as SubmitEvent).submitter;
    if (submitter instanceof HTMLButtonElement && submitter.name === "verifier") {
      event.preventDefault();
      void form.trigger().then((valid) => {
        if (valid) void refresh();
      });
      return;
    }
    onSubmit(event);
  };

  return (
    <form
      ref={formRef}
      className={`form ${styles.form}`}
      aria-label={kind === "booking" ? "Demande de réservation" : "Demande d'absence"}
      onSubmit={submitOrCheck}
      noValidate
    >
      {/* Back from a result ("Faire une autre demande"), its success message is not this form's news. */}
      <FormMessage state={state === dismissed ? null : state} />
      <input type="hidden" name="commune" value={slug} />
      <input type="hidden" name="kind" value={kind} />
      {householdId ? <input type="hidden" name="famille" value={householdId} /> : null}
      <p className="form-required-note">Les champs marqués d&apos;un astérisque (*) sont obligatoires.</p>

      <fieldset className={styles.step}>
        <legend>1. Sélectionnez un enfant</legend>
        <SelectField
          label="Enfants"
          required
          placeholder="Choisir un enfant"
          options={childOptions}
          registration={withHtmlAttributes(
            form.register("childId", {
              onChange: (e) => {
                form.setValue("activityId", soleActivity(e.target.value));
                form.setValue("weekdays", []);
              },
            }),
            { defaultValue: defaults.childId },
          )}
          error={errors.childId?.message}
        />
      </fieldset>

      <fieldset className={styles.step}>
        <legend>2. Sélectionnez une activité</legend>
        <SelectField
          label="Activités"
          required
          placeholder={values.childId ? "Choisir une activité" : "Choisissez d'abord un enfant"}
          options={activitiesOf(values.childId ?? "").map((c) => ({
            value: c.activityId,
            label: `${c.activityLabel} – ${c.facility}`,
          }))}
          registration={withHtmlAttributes(
            form.register("activityId", { onChange: () => form.setValue("weekdays", []) }),
            { defaultValue: defaults.activityId },
          )}
          error={errors.activityId?.message}
        />
      </fieldset>

      <fieldset className={styles.step}>
        <legend>{words.step}</legend>
        {enrolment ? (
          <p className={styles.constraint}>
            <strong>Contraintes</strong> - {words.dates} doivent être comprises dans la période de l&apos;inscription (
            {enrolment.periods.map((p) => `du ${formatDate(p.startsOn)} au ${formatDate(p.endsOn)}`).join(" ou ")})
            {kind === "absence" ? ". Une absence ne se déclare que sur un jour réservé." : null}
          </p>
        ) : (
          <p className={styles.constraint}>
            Choisissez un enfant et une activité pour voir la période de l&apos;inscription et ses jours.
          </p>
        )}
        <div className={styles.dates}>
          <TextField
            label="Du"
            type="date"
            required
            registration={withHtmlAttributes(form.register("from"), {
              defaultValue: defaults.from,
              min: enrolment && enrolment.startsOn > today ? enrolment.startsOn : today,
              max: enrolment?.endsOn,
            })}
            error={errors.from?.message}
          />
          <TextField
            label="Au"
            type="date"
            required
            registration={withHtmlAttributes(form.register("to"), {
              defaultValue: defaults.to,
              min: values.from || today,
              max: enrolment?.endsOn,
            })}
            error={errors.to?.message}
          />
        </div>
        {enrolment ? (
          <WeekdayField
            control={form.control}
            options={enrolment.weekdays.map((w) => ({
              value: String(w),
              label: `${weekdayName(w)} (${enrolment.startTime} - ${enrolment.endTime})`,
            }))}
            error={errors.weekdays?.message}
          />
        ) : errors.weekdays?.message ? (
          <p className="field__error">{errors.weekdays.message}</p>
        ) : null}
        <p className="button-row">
          <button type="submit" name="verifier" value="1" className="button button--secondary">
            Vérifier les dates
          </button>
        </p>
      </fieldset>

      <PreviewPanel view={view} headingId={headingId} />

      <p className="button-row">
        <SubmitButton pending={pending}>Demander</SubmitButton>
      </p>
    </form>
  );
}

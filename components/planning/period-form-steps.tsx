"use client";

import type { UseFormReturn } from "react-hook-form";
import { SelectField, TextField } from "@/components/ui/form-kit";
import type { SlotRequestForm, SlotRequestValues } from "@/lib/bookings/schemas";
import type { EnrolmentChoice } from "@/lib/bookings/types";
import { formatDate } from "@/lib/format";
import { type IsoDay, weekdayName } from "@/lib/planning/days";
import type { SlotRequestKind } from "@/lib/planning/period";
import styles from "./period-form.module.css";
import { activitiesOf, type Enrolment } from "./period-form-choices";
import { WeekdayField, withHtmlAttributes } from "./period-form-fields";

/* The period form's three steps, each a fieldset named by its legend. */

type PeriodFormApi = UseFormReturn<SlotRequestForm, unknown, SlotRequestValues>;
type Option = { value: string; label: string };

/** 1. The child; choosing another one takes its only activity (if so) and empties the weekdays. */
export function ChildStep({
  form,
  options,
  defaultValue,
  soleActivity,
}: {
  form: PeriodFormApi;
  options: Option[];
  defaultValue: string;
  soleActivity: (childId: string) => string;
}) {
  return (
    <fieldset className={styles.step}>
      <legend>1. Sélectionnez un enfant</legend>
      <SelectField
        label="Enfants"
        required
        placeholder="Choisir un enfant"
        options={options}
        registration={withHtmlAttributes(
          form.register("childId", {
            onChange: (e) => {
              form.setValue("activityId", soleActivity(e.target.value));
              form.setValue("weekdays", []);
            },
          }),
          { defaultValue },
        )}
        error={form.formState.errors.childId?.message}
      />
    </fieldset>
  );
}

/** 2. One of the child's activities; choosing another one empties the weekdays. */
export function ActivityStep({
  form,
  choices,
  childId,
  defaultValue,
}: {
  form: PeriodFormApi;
  choices: EnrolmentChoice[];
  /** The child chosen in step 1, if any. */
  childId: string | undefined;
  defaultValue: string;
}) {
  const options = activitiesOf(choices, childId ?? "").map((c) => ({
    value: c.activityId,
    label: `${c.activityLabel} – ${c.facility}`,
  }));
  return (
    <fieldset className={styles.step}>
      <legend>2. Sélectionnez une activité</legend>
      <SelectField
        label="Activités"
        required
        placeholder={childId ? "Choisir une activité" : "Choisissez d'abord un enfant"}
        options={options}
        registration={withHtmlAttributes(
          form.register("activityId", { onChange: () => form.setValue("weekdays", []) }),
          { defaultValue },
        )}
        error={form.formState.errors.activityId?.message}
      />
    </fieldset>
  );
}

/**
 * 3. The period and the weekdays, within the enrolment (its dates bound the date fields); "Vérifier les dates"
 * asks for the preview.
 */
export function DatesStep({
  form,
  kind,
  enrolment,
  today,
  defaults,
  from,
}: {
  form: PeriodFormApi;
  kind: SlotRequestKind;
  enrolment: Enrolment | null;
  today: IsoDay;
  defaults: { from: string; to: string };
  /** The "Du" date as typed so far: "Au" may not be before it. */
  from: string | undefined;
}) {
  const errors = form.formState.errors;
  const words =
    kind === "booking"
      ? { step: "3. Réservez", dates: "Les dates de réservation" }
      : { step: "3. Indiquez l'absence", dates: "Les dates d'absence" };
  return (
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
            min: from || today,
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
  );
}

"use client";

import type { UseFormRegisterReturn } from "react-hook-form";
import { FormMessage, RadioGroupField, SubmitButton, TextField, useActionForm } from "@/components/ui/form-kit";
import type { FormAction } from "@/lib/actions/state";
import { ENROLMENT_STATUS_LABELS, type EnrolmentStatus } from "@/lib/activities/labels";
import { enrolmentCreateSchema, enrolmentUpdateSchema } from "@/lib/activities/schemas";
import styles from "./planning.module.css";

const statusOptions = Object.entries(ENROLMENT_STATUS_LABELS).map(([value, label]) => ({ value, label }));

type PeriodField = "startsOn" | "endsOn" | "status";

/** The period ("du … au …") and state of an enrolment, common to enrolling and to changing an enrolment. */
function EnrolmentPeriodFields({
  register,
  errors,
}: {
  register: (name: PeriodField) => UseFormRegisterReturn;
  errors: Partial<Record<PeriodField, string>>;
}) {
  return (
    <>
      <div className={styles.row}>
        <TextField label="Du" type="date" required registration={register("startsOn")} error={errors.startsOn} />
        <TextField label="Au" type="date" required registration={register("endsOn")} error={errors.endsOn} />
      </div>
      <RadioGroupField
        legend="État de l'inscription"
        required
        options={statusOptions}
        registration={register("status")}
        error={errors.status}
      />
    </>
  );
}

/** "Inscrire" the chosen child at the activity over a period. */
export function EnrolChildForm({
  action,
  activityId,
  child,
  period,
}: {
  action: FormAction;
  activityId: string;
  child: { id: string; name: string };
  period: { startsOn: string; endsOn: string };
}) {
  const { form, state, pending, onSubmit } = useActionForm(enrolmentCreateSchema, action, {
    activityId,
    childId: child.id,
    ...period,
    status: "active",
  });
  const { errors } = form.formState;
  return (
    <form className={`form ${styles.form}`} aria-labelledby="inscrire-enfant" onSubmit={onSubmit} noValidate>
      <h3 id="inscrire-enfant">Inscrire {child.name}</h3>
      <FormMessage state={state} />
      <input type="hidden" {...form.register("activityId")} />
      <input type="hidden" {...form.register("childId")} />
      <EnrolmentPeriodFields
        register={(name) => form.register(name)}
        errors={{ startsOn: errors.startsOn?.message, endsOn: errors.endsOn?.message, status: errors.status?.message }}
      />
      <div className="button-row">
        <SubmitButton pending={pending}>Enregistrer l&apos;inscription</SubmitButton>
      </div>
    </form>
  );
}

/** Change an enrolment's period or put it on (or off) the waiting list. */
export function EditEnrolmentForm({
  action,
  enrolment,
}: {
  action: FormAction;
  enrolment: { id: string; startsOn: string; endsOn: string; status: EnrolmentStatus };
}) {
  const { form, state, pending, onSubmit } = useActionForm(enrolmentUpdateSchema, action, {
    enrolmentId: enrolment.id,
    startsOn: enrolment.startsOn,
    endsOn: enrolment.endsOn,
    status: enrolment.status,
  });
  const { errors } = form.formState;
  return (
    <form className={`form ${styles.form}`} aria-label="Modifier l'inscription" onSubmit={onSubmit} noValidate>
      <FormMessage state={state} />
      <input type="hidden" {...form.register("enrolmentId")} />
      <EnrolmentPeriodFields
        register={(name) => form.register(name)}
        errors={{ startsOn: errors.startsOn?.message, endsOn: errors.endsOn?.message, status: errors.status?.message }}
      />
      <div className="button-row">
        <SubmitButton pending={pending}>Enregistrer les modifications</SubmitButton>
      </div>
    </form>
  );
}

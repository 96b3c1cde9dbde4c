"use client";

import { type FormEvent, useEffect, useId, useRef, useState } from "react";
import { useWatch } from "react-hook-form";
import { DocumentUploadField } from "@/components/documents/document-upload-field";
import { FormMessage, SubmitButton, useActionForm } from "@/components/ui/form-kit";
import type { ActionState, FormAction } from "@/lib/actions/state";
import { slotRequestSchema } from "@/lib/bookings/schemas";
import type { EnrolmentChoice, PeriodOutcome } from "@/lib/bookings/types";
import { CERTIFICATE_FIELD } from "@/lib/documents/family-messages";
import type { IsoDay } from "@/lib/planning/days";
import type { SlotRequestKind } from "@/lib/planning/period";
import styles from "./period-form.module.css";
import { childOptionsOf, enrolmentOf, soleActivityOf } from "./period-form-choices";
import { PreviewPanel, type PreviewView, previewFromState, usePeriodPreview } from "./period-form-preview";
import { PeriodResult } from "./period-form-result";
import { ActivityStep, ChildStep, DatesStep } from "./period-form-steps";

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

/** The request form: 1. the child, 2. one of its activities, 3. the period and weekdays; then "Demander". */
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
  const childOptions = childOptionsOf(choices);
  const soleActivity = (childId: string) => soleActivityOf(choices, childId);
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
      <input type="hidden" name="kind" value={kind} />
      {householdId ? <input type="hidden" name="famille" value={householdId} /> : null}
      <p className="form-required-note">Les champs marqués d&apos;un astérisque (*) sont obligatoires.</p>

      <ChildStep form={form} options={childOptions} defaultValue={defaults.childId} soleActivity={soleActivity} />
      <ActivityStep form={form} choices={choices} childId={values.childId} defaultValue={defaults.activityId} />
      <DatesStep form={form} kind={kind} enrolment={enrolment} today={today} defaults={defaults} from={values.from} />
      {kind === "absence" ? (
        <DocumentUploadField
          label="Certificat médical (facultatif)"
          name={CERTIFICATE_FIELD}
          error={
            (form.formState.errors as Record<string, { message?: string } | undefined>)[CERTIFICATE_FIELD]?.message
          }
          hint="Avec le certificat du médecin couvrant ces jours, l'absence est justifiée et n'est pas facturée. PDF, JPEG ou PNG, 10 Mo maximum ; plusieurs fichiers possibles."
        />
      ) : null}

      <PreviewPanel view={view} headingId={headingId} />

      <p className="button-row">
        <SubmitButton pending={pending}>Demander</SubmitButton>
      </p>
    </form>
  );
}

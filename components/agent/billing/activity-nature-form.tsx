"use client";

import styles from "@/components/agent/planning/planning.module.css";
import { FormMessage, SelectField, SubmitButton, useActionForm } from "@/components/ui/form-kit";
import type { FormAction } from "@/lib/actions/state";
import { activityNatureSchema } from "@/lib/billing/settings-schemas";

/** "Nature de facturation" of an activity: its days are invoiced by that nature's régie; none, not invoiced. */
export function ActivityNatureForm({
  action,
  activityId,
  natureId,
  natures,
}: {
  action: FormAction;
  activityId: string;
  natureId: string | null;
  natures: readonly { value: string; label: string }[];
}) {
  const { form, state, pending, onSubmit } = useActionForm(activityNatureSchema, action, {
    activityId,
    natureId: natureId ?? "",
  });
  const { errors } = form.formState;
  return (
    <form className={`form ${styles.form}`} aria-label="Nature de facturation" onSubmit={onSubmit} noValidate>
      <FormMessage state={state} />
      <input type="hidden" {...form.register("activityId")} />
      <SelectField
        label="Nature de facturation"
        hint="Sans nature, les jours de l'activité ne sont pas facturés (signalé comme anomalie lors de la facturation)."
        options={natures}
        placeholder="Non facturée"
        registration={form.register("natureId")}
        error={errors.natureId?.message}
      />
      <div className="button-row">
        <SubmitButton pending={pending}>Enregistrer la nature</SubmitButton>
      </div>
    </form>
  );
}

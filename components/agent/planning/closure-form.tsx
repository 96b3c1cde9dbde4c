"use client";

import { useEffect } from "react";
import {
  FormMessage,
  RadioGroupField,
  SelectField,
  SubmitButton,
  TextField,
  useActionForm,
} from "@/components/ui/form-kit";
import type { FormAction } from "@/lib/actions/state";
import { CLOSURE_KIND_LABELS } from "@/lib/activities/labels";
import { closureAddSchema } from "@/lib/activities/schemas";
import styles from "./planning.module.css";

const kindOptions = Object.entries(CLOSURE_KIND_LABELS).map(([value, label]) => ({ value, label }));
const emptyForm = { activityId: "", from: "", to: "", kind: "closure" as const, label: "" };

/** "Ajouter une fermeture": one day or a period, for the whole commune or one activity. */
export function ClosureForm({
  action,
  activities,
}: {
  action: FormAction;
  activities: { id: string; label: string }[];
}) {
  const { form, state, pending, onSubmit } = useActionForm(closureAddSchema, action, emptyForm);
  const { errors } = form.formState;
  const activityOptions = [
    { value: "", label: "Toutes les activités de la commune" },
    ...activities.map((a) => ({ value: a.id, label: a.label })),
  ];

  useEffect(() => {
    if (state?.ok) form.reset(emptyForm);
  }, [state, form]);

  return (
    <form className={`form ${styles.form}`} aria-labelledby="ajouter-fermeture" onSubmit={onSubmit} noValidate>
      <h2 id="ajouter-fermeture">Ajouter une fermeture</h2>
      <p className="form-required-note">Les champs marqués d&apos;un astérisque (*) sont obligatoires.</p>
      <FormMessage state={state} />
      <SelectField
        label="Activité concernée"
        options={activityOptions}
        registration={form.register("activityId")}
        error={errors.activityId?.message}
      />
      <div className={styles.row}>
        <TextField label="Du" type="date" required registration={form.register("from")} error={errors.from?.message} />
        <TextField
          label="Au"
          type="date"
          hint="Laissez vide pour un seul jour."
          registration={form.register("to")}
          error={errors.to?.message}
        />
      </div>
      <RadioGroupField
        legend="Type de fermeture"
        required
        options={kindOptions}
        registration={form.register("kind")}
        error={errors.kind?.message}
      />
      <TextField
        label="Libellé"
        required
        hint="Affiché aux familles, par exemple « Vacances de la Toussaint » ou « Armistice »."
        registration={form.register("label")}
        error={errors.label?.message}
      />
      <div className="button-row">
        <SubmitButton pending={pending}>Ajouter la fermeture</SubmitButton>
      </div>
    </form>
  );
}

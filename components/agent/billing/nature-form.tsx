"use client";

import styles from "@/components/agent/planning/planning.module.css";
import {
  CheckboxField,
  FormMessage,
  SelectField,
  SubmitButton,
  TextField,
  useActionForm,
} from "@/components/ui/form-kit";
import type { FormAction } from "@/lib/actions/state";
import { natureSchema } from "@/lib/billing/settings-schemas";

type Option = { value: string; label: string };

/** One nature's label and régie ("Enregistrer"), or a new one ("Ajouter la nature"). */
export function NatureForm({
  action,
  regies,
  nature,
}: {
  action: FormAction;
  regies: readonly Option[];
  nature?: { id: string; label: string; regieId: string; childcare: boolean };
}) {
  const { form, state, pending, onSubmit } = useActionForm(natureSchema, action, {
    natureId: nature?.id ?? "",
    label: nature?.label ?? "",
    regieId: nature?.regieId ?? (regies.length === 1 ? regies[0]!.value : ""),
    childcare: nature?.childcare ?? true,
  });
  const { errors } = form.formState;
  const { register } = form;
  return (
    <form
      className={`form ${styles.form} ${styles.wideForm}`}
      aria-label={nature ? `Nature ${nature.label}` : "Ajouter une nature"}
      onSubmit={onSubmit}
      noValidate
    >
      <FormMessage state={state} />
      {nature ? <input type="hidden" {...register("natureId")} /> : null}
      <div className={styles.row}>
        <TextField
          label="Libellé"
          required
          hint={nature ? undefined : "Ce que les familles choisissent pour filtrer leurs factures."}
          autoComplete="off"
          registration={register("label")}
          error={errors.label?.message}
        />
        <SelectField
          label="Régie"
          required
          options={regies}
          placeholder={regies.length === 1 ? undefined : "Choisir une régie"}
          registration={register("regieId")}
          error={errors.regieId?.message}
        />
      </div>
      <CheckboxField
        label="Frais de garde (comptés dans l'attestation fiscale ; pas les repas)"
        registration={register("childcare")}
        error={errors.childcare?.message}
      />
      <div className="button-row">
        <SubmitButton pending={pending}>{nature ? "Enregistrer" : "Ajouter la nature"}</SubmitButton>
      </div>
    </form>
  );
}

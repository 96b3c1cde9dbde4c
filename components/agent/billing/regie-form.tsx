"use client";

import styles from "@/components/agent/planning/planning.module.css";
import { FormMessage, SelectField, SubmitButton, TextField, useActionForm } from "@/components/ui/form-kit";
import type { Regie } from "@/db/schema/billing";
import type { FormAction } from "@/lib/actions/state";
import {
  PAYFIP_MODE_LABELS,
  PAYFIP_SERVICE_URL,
  PAYFIP_SIMULATOR_PATH,
  regieSchema,
} from "@/lib/billing/settings-schemas";

const payfipModeOptions = Object.entries(PAYFIP_MODE_LABELS).map(([value, label]) => ({
  value,
  label: `${label} (${value})`,
}));

function formValues(regie: Regie | undefined) {
  return {
    regieId: regie?.id ?? "",
    name: regie?.name ?? "",
    code: regie?.code ?? "",
    payfipClientNumber: regie?.payfipClientNumber ?? "",
    payfipMode: regie?.payfipMode ?? "T",
    payfipServiceUrl: regie?.payfipServiceUrl ?? PAYFIP_SERVICE_URL,
    dueDays: String(regie?.dueDays ?? 20),
    treasuryDelayDays: String(regie?.treasuryDelayDays ?? 30),
    paymentInstructions: regie?.paymentInstructions ?? "",
    treasuryContact: regie?.treasuryContact ?? "",
  };
}

/** "Créer une régie" (no `regie`) or "Modifier la régie". */
export function RegieForm({ action, regie }: { action: FormAction; regie?: Regie }) {
  const { form, state, pending, onSubmit } = useActionForm(regieSchema, action, formValues(regie));
  const { errors } = form.formState;
  const { register } = form;
  return (
    <form
      className={`form ${styles.form} ${styles.wideForm}`}
      aria-label={regie ? "Modifier la régie" : "Créer une régie"}
      onSubmit={onSubmit}
      noValidate
    >
      <p className="form-required-note">Les champs marqués d&apos;un astérisque (*) sont obligatoires.</p>
      <FormMessage state={state} />
      {regie ? <input type="hidden" {...register("regieId")} /> : null}
      <fieldset>
        <legend>Identification</legend>
        <TextField
          label="Nom de la régie"
          required
          hint="Imprimé comme émetteur des factures, par exemple « Régie enfance jeunesse »."
          autoComplete="off"
          registration={register("name")}
          error={errors.name?.message}
        />
        <TextField
          label="Code"
          required
          hint="De 2 à 8 lettres, par exemple ENF : il termine le code émission des factures (2027-01-ENF)."
          autoComplete="off"
          registration={register("code")}
          error={errors.code?.message}
        />
      </fieldset>
      <fieldset>
        <legend>Paiement en ligne (PayFiP)</legend>
        <div className={styles.row}>
          <TextField
            label="Numéro client PayFiP"
            hint="6 chiffres, donnés par la DGFiP à l'adhésion. Vide : pas de paiement en ligne pour cette régie."
            inputMode="numeric"
            autoComplete="off"
            registration={register("payfipClientNumber")}
            error={errors.payfipClientNumber?.message}
          />
          <SelectField
            label="Mode PayFiP"
            required
            hint="Test, puis Activation pour la recette avec la DGFiP, puis Production une fois la régie validée."
            options={payfipModeOptions}
            registration={register("payfipMode")}
            error={errors.payfipMode?.message}
          />
        </div>
        <TextField
          label="Adresse du service PayFiP"
          required
          hint={`${PAYFIP_SERVICE_URL} pour le service de la DGFiP, ou un chemin commençant par « / » pour le simulateur du portail (${PAYFIP_SIMULATOR_PATH}), qui ne débite aucune carte.`}
          autoComplete="off"
          registration={register("payfipServiceUrl")}
          error={errors.payfipServiceUrl?.message}
        />
      </fieldset>
      <fieldset>
        <legend>Échéances</legend>
        <div className={styles.row}>
          <TextField
            label="Délai de paiement (en jours)"
            required
            hint="Jours entre l'émission et l'échéance de la facture, de 0 à 90."
            inputMode="numeric"
            registration={register("dueDays")}
            error={errors.dueDays?.message}
          />
          <TextField
            label="Transmission en trésorerie (en jours)"
            required
            hint="Jours après l'échéance avant qu'une facture impayée puisse être transmise, de 0 à 365."
            inputMode="numeric"
            registration={register("treasuryDelayDays")}
            error={errors.treasuryDelayDays?.message}
          />
        </div>
      </fieldset>
      <fieldset>
        <legend>Textes imprimés sur les factures</legend>
        <TextField
          label="Comment payer"
          multiline
          hint="Les moyens de paiement acceptés et où payer."
          registration={register("paymentInstructions")}
          error={errors.paymentInstructions?.message}
        />
        <TextField
          label="Contact de la trésorerie"
          multiline
          hint="Où payer une facture transmise en trésorerie : nom et adresse du comptable public."
          registration={register("treasuryContact")}
          error={errors.treasuryContact?.message}
        />
      </fieldset>
      <div className="button-row">
        <SubmitButton pending={pending}>{regie ? "Enregistrer les modifications" : "Créer la régie"}</SubmitButton>
      </div>
    </form>
  );
}

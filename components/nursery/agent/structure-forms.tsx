"use client";

import type { UseFormRegisterReturn } from "react-hook-form";
import {
  CheckboxField,
  FormMessage,
  SelectField,
  SubmitButton,
  TextField,
  useActionForm,
} from "@/components/ui/form-kit";
import type { FormAction } from "@/lib/actions/state";
import { AGE_GROUP_LABELS, AGE_GROUPS } from "@/lib/nursery/age-groups";
import { newStructureSchema, nurserySettingsSchema, structureChangeSchema } from "@/lib/nursery/agent-schemas";
import { NURSERY_KIND_LABELS } from "@/lib/nursery/labels";
import styles from "./nursery-agent.module.css";

type Places = { bebes: string; moyens: string; grands: string };

/** The three "places" fields (one per age group) of a structure's forms. */
function PlacesFields({
  register,
  errors,
}: {
  register: (name: keyof Places) => UseFormRegisterReturn;
  errors: Partial<Record<keyof Places, { message?: string }>>;
}) {
  return (
    <fieldset>
      <legend>Places par tranche d&apos;âge</legend>
      <div className={styles.row}>
        {AGE_GROUPS.map((ageGroup) => (
          <TextField
            key={ageGroup}
            label={AGE_GROUP_LABELS[ageGroup]}
            inputMode="numeric"
            required
            registration={register(ageGroup)}
            error={errors[ageGroup]?.message}
          />
        ))}
      </div>
    </fieldset>
  );
}

const KIND_OPTIONS = Object.entries(NURSERY_KIND_LABELS).map(([value, label]) => ({ value, label }));

/** "Ajouter la structure": its name, type, address and places; its planning activity is created with it. */
export function NewStructureForm({ action }: { action: FormAction }) {
  const { form, state, pending, onSubmit } = useActionForm(newStructureSchema, action, {
    name: "",
    kind: "multi_accueil",
    address: "",
    bebes: "0",
    moyens: "0",
    grands: "0",
  });
  const { errors } = form.formState;
  return (
    <form className={`form ${styles.form}`} aria-label="Nouvelle structure" onSubmit={onSubmit} noValidate>
      <FormMessage state={state} />
      <TextField label="Nom" required registration={form.register("name")} error={errors.name?.message} />
      <SelectField label="Type" required options={KIND_OPTIONS} registration={form.register("kind")} />
      <TextField label="Adresse" registration={form.register("address")} error={errors.address?.message} />
      <PlacesFields register={(name) => form.register(name)} errors={errors} />
      <div className="button-row">
        <SubmitButton pending={pending}>Ajouter la structure</SubmitButton>
      </div>
    </form>
  );
}

/** A structure's places per age group and "Ouverte aux demandes" (families choose among the open ones). */
export function StructureForm({
  action,
  structure,
}: {
  action: FormAction;
  structure: { id: string; name: string; active: boolean; places: Record<keyof Places, number> };
}) {
  const { form, state, pending, onSubmit } = useActionForm(structureChangeSchema, action, {
    structureId: structure.id,
    active: structure.active,
    bebes: String(structure.places.bebes),
    moyens: String(structure.places.moyens),
    grands: String(structure.places.grands),
  });
  const { errors } = form.formState;
  return (
    <form className={`form ${styles.form}`} aria-label={structure.name} onSubmit={onSubmit} noValidate>
      <FormMessage state={state} />
      <input type="hidden" {...form.register("structureId")} />
      <PlacesFields register={(name) => form.register(name)} errors={errors} />
      <CheckboxField label="Ouverte aux demandes des familles" registration={form.register("active")} />
      <div className="button-row">
        <SubmitButton pending={pending}>Enregistrer la structure</SubmitButton>
      </div>
    </form>
  );
}

/** "Délai de réponse des familles (jours)" and "Confirmation des demandes (mois)". */
export function NurserySettingsForm({
  action,
  settings,
}: {
  action: FormAction;
  settings: { offerResponseDays: number; confirmationMonths: number };
}) {
  const { form, state, pending, onSubmit } = useActionForm(nurserySettingsSchema, action, {
    offerResponseDays: String(settings.offerResponseDays),
    confirmationMonths: String(settings.confirmationMonths),
  });
  const { errors } = form.formState;
  return (
    <form className={`form ${styles.form}`} aria-label="Délais" onSubmit={onSubmit} noValidate>
      <FormMessage state={state} />
      <div className={styles.row}>
        <TextField
          label="Délai de réponse des familles (jours)"
          inputMode="numeric"
          required
          hint="Entre 1 et 60 jours pour accepter ou décliner une place proposée ; sans réponse, la place retourne à la commission."
          registration={form.register("offerResponseDays")}
          error={errors.offerResponseDays?.message}
        />
        <TextField
          label="Confirmation des demandes (mois)"
          inputMode="numeric"
          required
          hint="Entre 1 et 12 mois : une demande non confirmée dans ce délai devient caduque."
          registration={form.register("confirmationMonths")}
          error={errors.confirmationMonths?.message}
        />
      </div>
      <div className="button-row">
        <SubmitButton pending={pending}>Enregistrer les délais</SubmitButton>
      </div>
    </form>
  );
}

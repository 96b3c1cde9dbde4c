"use client";

import { useEffect } from "react";
import { type UseFormReturn, useFieldArray } from "react-hook-form";
import {
  CheckboxField,
  FormMessage,
  RadioGroupField,
  SubmitButton,
  TextField,
  useActionForm,
} from "@/components/ui/form-kit";
import type { FormAction } from "@/lib/actions/state";
import {
  type FamilyStep,
  type FamilyStepInput,
  familyStepObject,
  INVOICE_BY_POST_QUESTION,
  MAX_CHILDREN,
} from "@/lib/new-family/schemas";
import styles from "./new-family.module.css";
import { useGoOnWhenSaved } from "./use-next-step";

const CIVILITIES = [
  { value: "MME", label: "Madame" },
  { value: "M", label: "Monsieur" },
];
const YES_NO = [
  { value: "oui", label: "Oui" },
  { value: "non", label: "Non" },
];

type GuardianInput = NonNullable<FamilyStepInput["guardian2"]>;

const emptyGuardian = (email = ""): GuardianInput => ({
  civility: "" as GuardianInput["civility"],
  lastName: "",
  firstName: "",
  quality: "",
  familySituation: "",
  phone: "",
  mobilePhone: "",
  email,
  addressLine: "",
  postcode: "",
  city: "",
  country: "France",
  acceptsEmail: true,
  acceptsSms: false,
  acceptsPost: false,
  invoiceByPost: "non",
  remindByEmail: true,
  remindBySms: false,
  remindByPost: false,
});
const emptyChild = { firstName: "", lastName: "", birthDate: "", sex: undefined as unknown as "F", school: "" };

function guardianInput(g: FamilyStep["guardian1"] | undefined): GuardianInput | undefined {
  if (!g) return undefined;
  // A draft saved before these fields existed gets the same defaults as a new one.
  return {
    ...emptyGuardian(),
    ...g,
    quality: g.quality ?? "",
    familySituation: g.familySituation ?? "",
    country: g.country ?? "France",
    invoiceByPost: g.invoiceByPost ? "oui" : "non",
    phone: g.phone ?? "",
    mobilePhone: g.mobilePhone ?? "",
    email: g.email ?? "",
    addressLine: g.addressLine ?? "",
    postcode: g.postcode ?? "",
  };
}

function familyDefaults(saved: FamilyStep | undefined, accountEmail: string): FamilyStepInput {
  if (!saved) return { guardian1: emptyGuardian(accountEmail), hasGuardian2: false, children: [{ ...emptyChild }] };
  return {
    guardian1: guardianInput(saved.guardian1)!,
    hasGuardian2: Boolean(saved.guardian2),
    guardian2: guardianInput(saved.guardian2),
    children: saved.children.map((c) => ({ ...c, school: c.school ?? "" })),
  };
}

function GuardianFields({
  form,
  prefix,
  rank,
}: {
  form: UseFormReturn<FamilyStepInput, unknown, FamilyStep>;
  prefix: "guardian1" | "guardian2";
  rank: 1 | 2;
}) {
  const errors = form.formState.errors[prefix];
  const reg = (name: keyof GuardianInput) => form.register(`${prefix}.${name}`);
  return (
    <fieldset>
      <legend>Responsable {rank}</legend>
      <RadioGroupField
        legend="Civilité"
        required
        options={CIVILITIES}
        registration={reg("civility")}
        error={errors?.civility?.message}
      />
      <TextField
        label="Nom"
        required
        autoComplete={rank === 1 ? "family-name" : "off"}
        registration={reg("lastName")}
        error={errors?.lastName?.message}
      />
      <TextField
        label="Prénom"
        required
        autoComplete={rank === 1 ? "given-name" : "off"}
        registration={reg("firstName")}
        error={errors?.firstName?.message}
      />
      <TextField
        label="Qualité"
        hint="Par exemple : mère, père, tuteur."
        registration={reg("quality")}
        error={errors?.quality?.message}
      />
      <TextField
        label="Situation familiale"
        registration={reg("familySituation")}
        error={errors?.familySituation?.message}
      />
      <TextField
        label="Téléphone"
        required={rank === 1}
        type="tel"
        inputMode="tel"
        registration={reg("phone")}
        error={errors?.phone?.message}
      />
      <TextField
        label="Téléphone portable"
        required
        type="tel"
        inputMode="tel"
        registration={reg("mobilePhone")}
        error={errors?.mobilePhone?.message}
      />
      <TextField
        label="E-mail"
        required={rank === 1}
        type="email"
        inputMode="email"
        registration={reg("email")}
        error={errors?.email?.message}
      />
      <TextField label="Adresse" registration={reg("addressLine")} error={errors?.addressLine?.message} />
      <TextField
        label="Code postal"
        required
        inputMode="numeric"
        registration={reg("postcode")}
        error={errors?.postcode?.message}
      />
      <TextField label="Ville" required registration={reg("city")} error={errors?.city?.message} />
      <TextField
        label="Pays"
        required
        autoComplete={rank === 1 ? "country-name" : "off"}
        registration={reg("country")}
        error={errors?.country?.message}
      />
      <fieldset>
        <legend>Mode de communication</legend>
        <CheckboxField label="Accepte de recevoir des e-mails" registration={reg("acceptsEmail")} />
        <CheckboxField label="Accepte de recevoir des SMS" registration={reg("acceptsSms")} />
        <CheckboxField label="Accepte de recevoir des courriers" registration={reg("acceptsPost")} />
      </fieldset>
      <RadioGroupField
        legend={INVOICE_BY_POST_QUESTION}
        required
        options={YES_NO}
        registration={reg("invoiceByPost")}
        error={errors?.invoiceByPost?.message}
      />
      <fieldset>
        <legend>Mode de relance de paiement des factures</legend>
        <CheckboxField label="Relance de paiement par e-mail" registration={reg("remindByEmail")} />
        <CheckboxField label="Relance de paiement par SMS" registration={reg("remindBySms")} />
        <CheckboxField label="Relance de paiement par courrier" registration={reg("remindByPost")} />
      </fieldset>
    </fieldset>
  );
}

/** Step 1 "Ma famille". */
export function FamilyStepForm({
  action,
  saved,
  accountEmail,
  nextHref,
}: {
  action: FormAction;
  saved: FamilyStep | undefined;
  accountEmail: string;
  nextHref: string;
}) {
  const { form, state, pending, onSubmit } = useActionForm(
    familyStepObject,
    action,
    familyDefaults(saved, accountEmail),
  );
  const { fields, append, remove } = useFieldArray({ control: form.control, name: "children" });
  const hasGuardian2 = form.watch("hasGuardian2");
  const { errors } = form.formState;
  useGoOnWhenSaved(state, nextHref);
  useEffect(() => {
    if (!hasGuardian2) form.unregister("guardian2");
  }, [hasGuardian2, form]);

  return (
    <form className="form" aria-label="Ma famille" onSubmit={onSubmit} noValidate>
      <p className="form-required-note">Les champs marqués d&apos;un * sont obligatoires.</p>
      <FormMessage state={state} />
      <GuardianFields form={form} prefix="guardian1" rank={1} />
      <CheckboxField label="Ajouter un responsable 2" registration={form.register("hasGuardian2")} />
      {hasGuardian2 ? <GuardianFields form={form} prefix="guardian2" rank={2} /> : null}

      <h2>Enfants</h2>
      {errors.children?.root?.message || errors.children?.message ? (
        <p className="field__error" role="alert">
          {errors.children?.root?.message ?? errors.children?.message}
        </p>
      ) : null}
      {fields.map((field, index) => {
        const e = errors.children?.[index];
        return (
          <fieldset key={field.id} className={styles.child}>
            <legend>Enfant {index + 1}</legend>
            <TextField
              label="Prénom de l'enfant"
              required
              registration={form.register(`children.${index}.firstName`)}
              error={e?.firstName?.message}
            />
            <TextField
              label="Nom de l'enfant"
              required
              registration={form.register(`children.${index}.lastName`)}
              error={e?.lastName?.message}
            />
            <TextField
              label="Date de naissance"
              required
              type="date"
              registration={form.register(`children.${index}.birthDate`)}
              error={e?.birthDate?.message}
            />
            <RadioGroupField
              legend="Sexe"
              required
              options={[
                { value: "F", label: "Fille" },
                { value: "M", label: "Garçon" },
              ]}
              registration={form.register(`children.${index}.sex`)}
              error={e?.sex?.message}
            />
            <TextField
              label="École"
              registration={form.register(`children.${index}.school`)}
              error={e?.school?.message}
            />
            {fields.length > 1 ? (
              <button type="button" className="button button--secondary button--small" onClick={() => remove(index)}>
                Retirer l&apos;enfant {index + 1}
              </button>
            ) : null}
          </fieldset>
        );
      })}
      {fields.length < MAX_CHILDREN ? (
        <p>
          <button type="button" className="button button--secondary" onClick={() => append({ ...emptyChild })}>
            Ajouter un enfant
          </button>
        </p>
      ) : null}
      <p className="button-row">
        <SubmitButton pending={pending}>Enregistrer et continuer</SubmitButton>
      </p>
    </form>
  );
}

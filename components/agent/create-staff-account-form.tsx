"use client";

import { useEffect } from "react";
import { FormMessage, RadioGroupField, SubmitButton, TextField, useActionForm } from "@/components/ui/form-kit";
import type { FormAction } from "@/lib/actions/state";
import { createStaffAccountSchema, staffRoleLabels } from "@/lib/agents/schemas";
import { civilityLabels } from "@/lib/validation/fields";

const civilityOptions = [
  { value: "MME", label: civilityLabels.MME },
  { value: "M", label: civilityLabels.M },
];
const roleOptions = [
  { value: "agent", label: staffRoleLabels.agent },
  { value: "admin", label: staffRoleLabels.admin },
];

/** "Créer un compte agent": the account is created pending and its holder invited by e-mail. */
export function CreateStaffAccountForm({ action }: { action: FormAction }) {
  const { form, state, pending, onSubmit } = useActionForm(createStaffAccountSchema, action, {
    lastName: "",
    firstName: "",
    email: "",
    role: "agent",
  });
  const { errors } = form.formState;

  useEffect(() => {
    if (state?.ok) form.reset();
  }, [state, form]);

  return (
    <form className="form" aria-labelledby="creer-compte-agent" onSubmit={onSubmit} noValidate>
      <h2 id="creer-compte-agent">Créer un compte agent</h2>
      <p className="form-required-note">Les champs marqués d&apos;un astérisque (*) sont obligatoires.</p>
      <FormMessage state={state} />
      <RadioGroupField
        legend="Civilité"
        required
        options={civilityOptions}
        registration={form.register("civility")}
        error={errors.civility?.message}
      />
      <TextField
        label="Nom"
        required
        autoComplete="off"
        registration={form.register("lastName")}
        error={errors.lastName?.message}
      />
      <TextField
        label="Prénom"
        required
        autoComplete="off"
        registration={form.register("firstName")}
        error={errors.firstName?.message}
      />
      <TextField
        label="Adresse e-mail"
        type="email"
        required
        autoComplete="off"
        hint="L'invitation à choisir un mot de passe y sera envoyée."
        registration={form.register("email")}
        error={errors.email?.message}
      />
      <RadioGroupField
        legend="Rôle"
        required
        options={roleOptions}
        registration={form.register("role")}
        error={errors.role?.message}
      />
      <div className="button-row">
        <SubmitButton pending={pending}>Créer le compte</SubmitButton>
      </div>
    </form>
  );
}

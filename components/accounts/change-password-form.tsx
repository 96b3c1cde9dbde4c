"use client";

import { useEffect } from "react";
import { FormMessage, SubmitButton, TextField, useActionForm } from "@/components/ui/form-kit";
import { changePasswordSchema } from "@/lib/accounts/schemas";
import type { FormAction } from "@/lib/actions/state";
import { NewPasswordFields } from "./new-password-fields";

/** "Changer mon mot de passe" in Mon espace citoyen. */
export function ChangePasswordForm({ action }: { action: FormAction }) {
  const { form, state, pending, onSubmit } = useActionForm(changePasswordSchema, action);
  const { register, formState, reset } = form;

  // Passwords are not left in the fields once changed.
  useEffect(() => {
    if (state?.ok) reset();
  }, [state, reset]);

  return (
    <form className="form" onSubmit={onSubmit} noValidate>
      <p className="form-required-note">Les champs marqués d&apos;un astérisque (*) sont obligatoires.</p>
      <FormMessage state={state} />
      <TextField
        label="Mot de passe actuel"
        type="password"
        autoComplete="current-password"
        required
        registration={register("currentPassword")}
        error={formState.errors.currentPassword?.message}
      />
      <NewPasswordFields register={register} errors={formState.errors} label="Nouveau mot de passe" />
      <div className="button-row">
        <SubmitButton pending={pending}>Modifier mon mot de passe</SubmitButton>
      </div>
    </form>
  );
}

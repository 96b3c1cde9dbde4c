"use client";

import { FormMessage, SubmitButton, useActionForm } from "@/components/ui/form-kit";
import { resetPasswordSchema } from "@/lib/accounts/schemas";
import type { FormAction } from "@/lib/actions/state";
import { FormDoneLogIn } from "./form-done";
import { NewPasswordFields } from "./new-password-fields";

/** "Choisir un nouveau mot de passe" from a mailed link (forgotten password, or an agent's first password). */
export function ResetPasswordForm({
  communeSlug,
  action,
  token,
}: {
  communeSlug: string;
  action: FormAction;
  token: string;
}) {
  const { form, state, pending, onSubmit } = useActionForm(resetPasswordSchema, action, { jeton: token });
  if (state?.ok && state.message) return <FormDoneLogIn message={state.message} communeSlug={communeSlug} />;
  return (
    <form className="form" onSubmit={onSubmit} noValidate>
      <input type="hidden" name="jeton" value={token} />
      <p className="form-required-note">Les champs marqués d&apos;un astérisque (*) sont obligatoires.</p>
      <FormMessage state={state} />
      <NewPasswordFields register={form.register} errors={form.formState.errors} label="Nouveau mot de passe" />
      <div className="button-row">
        <SubmitButton pending={pending}>Enregistrer le mot de passe</SubmitButton>
      </div>
    </form>
  );
}

"use client";

import { FormMessage, SubmitButton, useActionForm } from "@/components/ui/form-kit";
import { activationSchema } from "@/lib/accounts/schemas";
import type { FormAction } from "@/lib/actions/state";
import { FormDoneLogIn } from "./form-done";

/** "Activer mon compte": one button, so that opening the mailed link (or a mail scanner doing it) spends nothing. */
export function ActivationForm({
  communeSlug,
  action,
  token,
}: {
  communeSlug: string;
  action: FormAction;
  token: string;
}) {
  const { state, pending, onSubmit } = useActionForm(activationSchema, action, { jeton: token });
  if (state?.ok && state.message) return <FormDoneLogIn message={state.message} communeSlug={communeSlug} />;
  return (
    <form className="form" onSubmit={onSubmit} noValidate>
      <input type="hidden" name="jeton" value={token} />
      <FormMessage state={state} />
      <p>Pour finaliser la création de votre compte, confirmez votre adresse e-mail.</p>
      <div className="button-row">
        <SubmitButton pending={pending}>Activer mon compte</SubmitButton>
      </div>
    </form>
  );
}

"use client";

import { CaptchaField, useCaptchaInput } from "@/components/captcha-field";
import { FormMessage, SubmitButton, TextField, useActionForm } from "@/components/ui/form-kit";
import { emailWithCaptchaSchema } from "@/lib/accounts/schemas";
import type { FormAction } from "@/lib/actions/state";
import { FormDone } from "./form-done";

/** An e-mail address and the captcha, for the requests answered by mail ("Mot de passe oublié", new activation link). */
export function EmailCaptchaForm({ action, submitLabel }: { action: FormAction; submitLabel: string }) {
  const { form, state, pending, onSubmit } = useActionForm(emailWithCaptchaSchema, action, { captcha: "" });
  const { register, formState } = form;
  const onCaptcha = useCaptchaInput(form);

  if (state?.ok && state.message) {
    return (
      <FormDone message={state.message}>
        <p>Pensez à vérifier vos courriers indésirables.</p>
      </FormDone>
    );
  }

  return (
    <form className="form" onSubmit={onSubmit} noValidate>
      <FormMessage state={state} />
      <TextField
        label="E-mail (identifiant)"
        type="email"
        inputMode="email"
        autoComplete="email"
        required
        registration={register("email")}
        error={formState.errors.email?.message}
      />
      <CaptchaField onChange={onCaptcha} error={formState.errors.captcha?.message} resetKey={state} />
      <div className="button-row">
        <SubmitButton pending={pending}>{submitLabel}</SubmitButton>
      </div>
    </form>
  );
}

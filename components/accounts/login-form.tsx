"use client";

import { useState } from "react";
import { CaptchaField, useCaptchaInput } from "@/components/captcha-field";
import { FormMessage, SubmitButton, TextField, useActionForm } from "@/components/ui/form-kit";
import { Link } from "@/components/ui/link";
import { NOT_ACTIVATED } from "@/lib/accounts/messages";
import { loginSchema } from "@/lib/accounts/schemas";
import type { FormAction } from "@/lib/actions/state";
import { routes } from "@/lib/routes/paths";

/**
 * "Se connecter". On success the action redirects; `retour` is the page that asked for a login. After repeated
 * failures on an account the server asks for the captcha (its field error): from then on the form shows it.
 */
export function LoginForm({
  communeSlug,
  action,
  retour,
}: {
  communeSlug: string;
  action: FormAction;
  retour?: string;
}) {
  const { form, state, pending, onSubmit } = useActionForm(loginSchema, action, { retour });
  const { register, formState } = form;
  const onCaptcha = useCaptchaInput(form);
  const [captchaAsked, setCaptchaAsked] = useState(false);
  if (!captchaAsked && state && !state.ok && state.fieldErrors.captcha) setCaptchaAsked(true);
  return (
    <form className="form" onSubmit={onSubmit} noValidate>
      {retour ? <input type="hidden" name="retour" value={retour} /> : null}
      <FormMessage state={state} />
      {state && !state.ok && state.message === NOT_ACTIVATED ? (
        <p>
          <Link href={routes.resendActivation(communeSlug)}>Recevoir un nouveau lien d&apos;activation</Link>
        </p>
      ) : null}
      <TextField
        label="E-mail"
        type="email"
        inputMode="email"
        autoComplete="username"
        required
        registration={register("email")}
        error={formState.errors.email?.message}
      />
      <TextField
        label="Mot de passe"
        type="password"
        autoComplete="current-password"
        required
        registration={register("password")}
        error={formState.errors.password?.message}
      />
      {captchaAsked ? (
        <CaptchaField onChange={onCaptcha} error={formState.errors.captcha?.message} resetKey={state} />
      ) : null}
      <div className="button-row">
        <SubmitButton pending={pending}>Se connecter</SubmitButton>
        <Link href={routes.forgotPassword(communeSlug)}>Mot de passe oublié ?</Link>
      </div>
      <p>
        Pas encore de compte ? <Link href={routes.signUp(communeSlug)}>Créer un compte</Link>
      </p>
    </form>
  );
}

"use client";

import { type FormEvent, type ReactNode, useEffect, useRef } from "react";
import { FormMessage, SubmitButton, TextField, useActionForm } from "@/components/ui/form-kit";
import type { ActionState, FormAction } from "@/lib/actions/state";
import { recoveryCodeSchema, totpCodeSchema } from "@/lib/auth/second-factor/schemas";

type Props<D> = { action: FormAction<D>; retour?: string };
type EnrolmentResult = { recoveryCodes: string[]; continueTo: string };

/** The frame both forms share: hidden fields, the form's message, one field (`children`), the button. */
function CodeFormFrame({
  retour,
  state,
  pending,
  onSubmit,
  submitLabel,
  children,
}: {
  retour?: string;
  state: ActionState<unknown>;
  pending: boolean;
  onSubmit: (event: FormEvent<HTMLFormElement>) => void;
  submitLabel: string;
  children: ReactNode;
}) {
  return (
    <form className="form" onSubmit={onSubmit} noValidate>
      {retour ? <input type="hidden" name="retour" value={retour} /> : null}
      <FormMessage state={state} />
      {children}
      <div className="button-row">
        <SubmitButton pending={pending}>{submitLabel}</SubmitButton>
      </div>
    </form>
  );
}

/**
 * The 6-digit code of the authenticator app: at each login ("Vérifier", the action then redirects) or to confirm
 * an enrolment, whose action returns the recovery codes, shown here once in place of the form.
 */
export function TotpCodeForm<D extends EnrolmentResult | undefined>({
  action,
  retour,
  submitLabel,
}: Props<D> & { submitLabel: string }) {
  const { form, state, pending, onSubmit } = useActionForm(totpCodeSchema, action, { retour });
  if (state?.ok && state.data) return <RecoveryCodes {...state.data} />;
  return (
    <CodeFormFrame retour={retour} state={state} pending={pending} onSubmit={onSubmit} submitLabel={submitLabel}>
      <TextField
        label="Code à 6 chiffres de votre application"
        hint="Le code change toutes les 30 secondes."
        inputMode="numeric"
        autoComplete="one-time-code"
        required
        registration={form.register("code")}
        error={form.formState.errors.code?.message}
      />
    </CodeFormFrame>
  );
}

/** A single-use recovery code instead of the app (phone lost or not at hand). */
export function RecoveryCodeForm({ action, retour }: Props<undefined>) {
  const { form, state, pending, onSubmit } = useActionForm(recoveryCodeSchema, action, { retour });
  return (
    <CodeFormFrame
      retour={retour}
      state={state}
      pending={pending}
      onSubmit={onSubmit}
      submitLabel="Utiliser ce code de secours"
    >
      <TextField
        label="Code de secours"
        hint="Un des codes de 16 caractères obtenus à l'activation, par exemple ABCD-EFGH-JK01-MNPQ. Chaque code ne sert qu'une fois."
        autoComplete="off"
        required
        registration={form.register("recoveryCode")}
        error={form.formState.errors.recoveryCode?.message}
      />
    </CodeFormFrame>
  );
}

/** The recovery codes, shown once right after the enrolment; focus moves to them so screen readers announce them. */
function RecoveryCodes({ recoveryCodes, continueTo }: EnrolmentResult) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <section className="card" aria-labelledby="codes-de-secours">
      <p className="notice notice--success" role="status">
        La double authentification est activée.
      </p>
      <h2 id="codes-de-secours" ref={heading} tabIndex={-1}>
        Vos codes de secours
      </h2>
      <p>
        Si vous n&apos;avez plus votre téléphone, chacun de ces codes permet de vous connecter une fois à la place du
        code de l&apos;application. Notez-les ou imprimez-les et gardez-les en lieu sûr :{" "}
        <strong>ils ne seront plus affichés</strong>.
      </p>
      <ul className="recovery-codes" aria-label="Codes de secours">
        {recoveryCodes.map((code) => (
          <li key={code}>
            <code className="code">{code}</code>
          </li>
        ))}
      </ul>
      <div className="button-row">
        {/* A full page load: the header, rendered before the session was verified, shows the account again. */}
        <a className="button" href={continueTo}>
          J&apos;ai noté mes codes, continuer
        </a>
      </div>
    </section>
  );
}

"use client";

import { CaptchaField, useCaptchaInput } from "@/components/captcha-field";
import {
  CheckboxField,
  FormMessage,
  RadioGroupField,
  SubmitButton,
  TextField,
  useActionForm,
} from "@/components/ui/form-kit";
import { Link } from "@/components/ui/link";
import { signUpSchema } from "@/lib/accounts/schemas";
import type { FormAction } from "@/lib/actions/state";
import { routes } from "@/lib/routes/paths";
import { civilityLabels } from "@/lib/validation/fields";
import { FormDone } from "./form-done";
import { NewPasswordFields } from "./new-password-fields";

const civilityOptions = Object.entries(civilityLabels).map(([value, label]) => ({ value, label }));

/** "Créer un compte", with the sections and words of the guides. */
export function SignUpForm({ communeSlug, action }: { communeSlug: string; action: FormAction }) {
  const { form, state, pending, onSubmit } = useActionForm(signUpSchema, action, { captcha: "" });
  const { register, formState } = form;
  const { errors } = formState;
  const onCaptcha = useCaptchaInput(form);

  if (state?.ok && state.message) {
    return (
      <FormDone message={state.message}>
        <p>Le lien est valable 24 heures. Pensez à vérifier vos courriers indésirables.</p>
        <p>
          Une fois votre adresse confirmée, vous pourrez <Link href={routes.login(communeSlug)}>vous connecter</Link>{" "}
          avec vos identifiant et mot de passe.
        </p>
      </FormDone>
    );
  }

  return (
    <form className="form" onSubmit={onSubmit} noValidate>
      <p className="form-required-note">Les champs marqués d&apos;un astérisque (*) sont obligatoires.</p>
      <FormMessage state={state} />

      <fieldset>
        <legend>Votre contact</legend>
        <p className="field__hint">Indiquez vos civilité, nom et prénom</p>
        <RadioGroupField
          legend="Civilité"
          options={civilityOptions}
          required
          registration={register("civility")}
          error={errors.civility?.message}
        />
        <TextField
          label="Nom"
          autoComplete="family-name"
          required
          registration={register("lastName")}
          error={errors.lastName?.message}
        />
        <TextField
          label="Prénom"
          autoComplete="given-name"
          required
          registration={register("firstName")}
          error={errors.firstName?.message}
        />
      </fieldset>

      <fieldset>
        <legend>Vos accès au Portail</legend>
        <p className="field__hint">Renseignez votre email et le mot de passe de votre choix</p>
        <TextField
          label="E-mail (identifiant)"
          type="email"
          inputMode="email"
          autoComplete="email"
          required
          registration={register("email")}
          error={errors.email?.message}
        />
        <NewPasswordFields register={register} errors={errors} />
      </fieldset>

      <fieldset>
        <legend>Code abonné Famille</legend>
        <TextField
          label="Code abonné"
          hint="Entrez le code abonné famille transmis par votre collectivité. Vous pourrez aussi le saisir plus tard, dans Mon espace citoyen."
          autoComplete="off"
          registration={register("subscriberCode")}
          error={errors.subscriberCode?.message}
        />
      </fieldset>

      <CheckboxField
        label={
          <>
            J&apos;ai lu et j&apos;accepte les{" "}
            <Link href={routes.terms(communeSlug)} target="_blank" rel="noopener">
              Conditions d&apos;utilisation<span className="visually-hidden"> (nouvel onglet)</span>
            </Link>
          </>
        }
        required
        registration={register("acceptTerms")}
        error={errors.acceptTerms?.message}
      />
      <CaptchaField onChange={onCaptcha} error={errors.captcha?.message} resetKey={state} />

      <div className="button-row">
        <SubmitButton pending={pending}>S&apos;inscrire</SubmitButton>
      </div>
    </form>
  );
}

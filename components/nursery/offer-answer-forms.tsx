"use client";

import { useEffect, useRef, useState } from "react";
import { FormMessage, RadioGroupField, SubmitButton, TextField, useActionForm } from "@/components/ui/form-kit";
import type { FormAction } from "@/lib/actions/state";
import { formatDate } from "@/lib/format";
import { acceptWithBirthSchema, offerAnswerSchema } from "@/lib/nursery/answer-schemas";
import type { IsoDay } from "@/lib/planning/days";

type Target = { householdId: string; applicationId: string };

function HiddenTarget({ householdId, applicationId }: Target) {
  return (
    <>
      <input type="hidden" name="householdId" value={householdId} />
      <input type="hidden" name="applicationId" value={applicationId} />
    </>
  );
}

/** "Accepter la place" for a child of the family file: nothing to type. */
function AcceptForm({ action, ...target }: Target & { action: FormAction }) {
  const { state, pending, onSubmit } = useActionForm(offerAnswerSchema, action, target);
  return (
    <form onSubmit={onSubmit} noValidate>
      <HiddenTarget {...target} />
      <FormMessage state={state} />
      <SubmitButton pending={pending}>Accepter la place</SubmitButton>
    </form>
  );
}

/** "Accepter la place" for a child that was to be born: its birth creates it in the family file. */
function AcceptWithBirthForm({
  action,
  expectedBirthOn,
  ...target
}: Target & { action: FormAction; expectedBirthOn: IsoDay }) {
  const { form, state, pending, onSubmit } = useActionForm(acceptWithBirthSchema, action, {
    ...target,
    firstName: "",
    birthDate: "",
  });
  const { errors } = form.formState;
  return (
    <form className="form" aria-label="Accepter la place" onSubmit={onSubmit} noValidate>
      <HiddenTarget {...target} />
      <p className="form-required-note">Les champs marqués d'un * sont obligatoires.</p>
      <fieldset>
        <legend>La naissance de l'enfant</legend>
        <p className="field__hint">
          Naissance prévue le {formatDate(expectedBirthOn)}. L'enfant sera ajouté à votre dossier famille.
        </p>
        <FormMessage state={state} />
        <TextField
          label="Prénom"
          required
          autoComplete="off"
          registration={form.register("firstName")}
          error={errors.firstName?.message}
        />
        <RadioGroupField
          legend="Sexe"
          required
          registration={form.register("sex")}
          options={[
            { value: "F", label: "Fille" },
            { value: "M", label: "Garçon" },
          ]}
          error={errors.sex?.message}
        />
        <TextField
          label="Date de naissance"
          type="date"
          required
          registration={form.register("birthDate")}
          error={errors.birthDate?.message}
        />
      </fieldset>
      <SubmitButton pending={pending}>Accepter la place</SubmitButton>
    </form>
  );
}

/** "Décliner la place", confirmed in a second step: the place then goes to another family. */
function DeclineForm({ action, ...target }: Target & { action: FormAction }) {
  const [confirming, setConfirming] = useState(false);
  const question = useRef<HTMLParagraphElement>(null);
  const { state, pending, onSubmit } = useActionForm(offerAnswerSchema, action, target);
  useEffect(() => {
    if (confirming) question.current?.focus();
  }, [confirming]);
  if (!confirming)
    return (
      <div className="button-row">
        <button type="button" className="button button--secondary" onClick={() => setConfirming(true)}>
          Décliner la place
        </button>
      </div>
    );
  return (
    <form onSubmit={onSubmit} noValidate>
      <HiddenTarget {...target} />
      <p ref={question} tabIndex={-1}>
        Vous déclinez la place proposée : votre demande sera close et la place proposée à une autre famille.
      </p>
      <FormMessage state={state} />
      <div className="button-row">
        <button type="submit" className="button button--danger" disabled={pending} aria-busy={pending || undefined}>
          Confirmer : décliner la place
        </button>
        <button type="button" className="button button--secondary" onClick={() => setConfirming(false)}>
          Annuler
        </button>
      </div>
    </form>
  );
}

/** The two answers to a proposed place, each with its own form and message. */
export function OfferAnswerForms({
  accept,
  decline,
  ...target
}: Target & {
  accept: { action: FormAction; askBirth: false } | { action: FormAction; askBirth: true; expectedBirthOn: IsoDay };
  decline: FormAction;
}) {
  return (
    <>
      {accept.askBirth ? (
        <AcceptWithBirthForm action={accept.action} expectedBirthOn={accept.expectedBirthOn} {...target} />
      ) : (
        <AcceptForm action={accept.action} {...target} />
      )}
      <DeclineForm action={decline} {...target} />
    </>
  );
}

"use client";

import { useId } from "react";
import { FormMessage, SubmitButton, useActionForm } from "@/components/ui/form-kit";
import type { FormAction } from "@/lib/actions/state";
import { WISHED_SERVICES, type WishedService, wishesStepSchema } from "@/lib/new-family/schemas";
import styles from "./new-family.module.css";
import { useGoOnWhenSaved } from "./use-next-step";

type Props = { action: FormAction; childNames: string[]; saved: WishedService[][] | undefined; nextHref: string };

/** Step 3 "Mes pré-inscriptions et réservations": the services wished per child. */
export function WishesStepForm({ action, childNames, saved, nextHref }: Props) {
  const id = useId();
  const ticked = (saved ?? []).flatMap((services, index) => services.map((s) => `${index}:${s}`));
  const { form, state, pending, onSubmit } = useActionForm(wishesStepSchema, action, { wishes: ticked });
  useGoOnWhenSaved(state, nextHref);
  const error = form.formState.errors.wishes?.message;
  return (
    <form className="form" aria-label="Mes pré-inscriptions et réservations" onSubmit={onSubmit} noValidate>
      <FormMessage state={state} />
      <p>
        Cochez les services que vous souhaitez pour chaque enfant. La commune vous confirmera les inscriptions ; les
        réservations se feront ensuite depuis votre Espace famille.
      </p>
      {childNames.map((name, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: a draft child has no id yet; its place in the wizard is its identity.
        <fieldset key={index} className={styles.child}>
          <legend>{name}</legend>
          {(Object.keys(WISHED_SERVICES) as WishedService[]).map((service) => (
            <div className="field field--checkbox" key={service}>
              <input
                id={`${id}-${index}-${service}`}
                type="checkbox"
                value={`${index}:${service}`}
                {...form.register("wishes")}
              />
              <label htmlFor={`${id}-${index}-${service}`}>{WISHED_SERVICES[service]}</label>
            </div>
          ))}
        </fieldset>
      ))}
      {error ? (
        <p className="field__error" role="alert">
          {error}
        </p>
      ) : null}
      <p className="button-row">
        <SubmitButton pending={pending}>Enregistrer et continuer</SubmitButton>
      </p>
    </form>
  );
}

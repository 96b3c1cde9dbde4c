"use client";

import { z } from "zod";
import { sendPreRegistration } from "@/app/[commune]/espace-famille/pre-inscription/actions";
import { FormMessage, SubmitButton, useActionForm } from "@/components/ui/form-kit";
import { useGoOnWhenSaved } from "./use-next-step";

const empty = z.object({});

/** Step 4: "Envoyer ma demande"; then the pre-registration page shows the reference. */
export function SendPreRegistrationForm({ slug, doneHref }: { slug: string; doneHref: string }) {
  const { state, pending, onSubmit } = useActionForm(empty, sendPreRegistration, {});
  useGoOnWhenSaved(state, doneHref);
  return (
    <form aria-label="Envoyer ma demande" onSubmit={onSubmit} noValidate>
      <FormMessage state={state} />
      <input type="hidden" name="commune" value={slug} />
      <p className="button-row">
        <SubmitButton pending={pending}>Envoyer ma demande</SubmitButton>
      </p>
    </form>
  );
}

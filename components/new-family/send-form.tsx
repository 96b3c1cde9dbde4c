"use client";

import { z } from "zod";
import { FormMessage, SubmitButton, useActionForm } from "@/components/ui/form-kit";
import type { FormAction } from "@/lib/actions/state";
import { useGoOnWhenSaved } from "./use-next-step";

const empty = z.object({});

/** Step 4: "Envoyer ma demande"; then the pre-registration page shows the reference. */
export function SendPreRegistrationForm({ action, doneHref }: { action: FormAction; doneHref: string }) {
  const { state, pending, onSubmit } = useActionForm(empty, action, {});
  useGoOnWhenSaved(state, doneHref);
  return (
    <form aria-label="Envoyer ma demande" onSubmit={onSubmit} noValidate>
      <FormMessage state={state} />
      <p className="button-row">
        <SubmitButton pending={pending}>Envoyer ma demande</SubmitButton>
      </p>
    </form>
  );
}

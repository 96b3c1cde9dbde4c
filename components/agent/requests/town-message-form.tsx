"use client";

import { useEffect } from "react";
import { FormMessage, SubmitButton, TextField, useActionForm } from "@/components/ui/form-kit";
import type { FormAction } from "@/lib/actions/state";
import { townMessageSchema } from "@/lib/agents/requests-schemas";

/** "Envoyer un message" to the family on a request, without deciding it. */
export function TownMessageForm({ action, requestId }: { action: FormAction; requestId: string }) {
  const { form, state, pending, onSubmit } = useActionForm(townMessageSchema, action, {
    requestId,
    message: "",
  });

  useEffect(() => {
    if (state?.ok) form.reset({ requestId, message: "" });
  }, [state, form, requestId]);

  return (
    <form className="form" aria-labelledby="message-titre" onSubmit={onSubmit} noValidate>
      <h2 id="message-titre">Envoyer un message</h2>
      <FormMessage state={state} />
      <input type="hidden" {...form.register("requestId")} />
      <TextField
        multiline
        label="Message"
        required
        hint="La famille le lit dans Mes demandes."
        registration={form.register("message")}
        error={form.formState.errors.message?.message}
      />
      <div className="button-row">
        <SubmitButton pending={pending}>Envoyer un message</SubmitButton>
      </div>
    </form>
  );
}

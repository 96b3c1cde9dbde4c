"use client";

import { useId } from "react";
import { FormMessage, TextField, useActionForm } from "@/components/ui/form-kit";
import type { FormAction } from "@/lib/actions/state";
import { subscribeByCodeSchema } from "@/lib/subscriptions/schemas";
import { SearchOrCancel } from "./search-or-cancel";

/** M'abonner "Avec votre code abonné". */
export function SubscribeByCodeForm({ action, cancelHref }: { action: FormAction; cancelHref: string }) {
  const headingId = useId();
  const { form, state, pending, onSubmit } = useActionForm(subscribeByCodeSchema, action, { code: "" });
  const { errors } = form.formState;
  return (
    <form className="form" aria-labelledby={headingId} onSubmit={onSubmit} noValidate>
      <h2 id={headingId}>Avec votre code abonné</h2>
      <FormMessage state={state} />
      <TextField
        label="Code abonné"
        hint="Code transmis par votre collectivité"
        required
        autoComplete="off"
        registration={form.register("code")}
        error={errors.code?.message}
      />
      <SearchOrCancel pending={pending} cancelHref={cancelHref} />
    </form>
  );
}

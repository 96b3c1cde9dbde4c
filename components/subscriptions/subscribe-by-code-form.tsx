"use client";

import { useId } from "react";
import { subscribeByCode } from "@/app/[commune]/mon-espace-citoyen/abonnements/m-abonner/actions";
import { FormMessage, TextField, useActionForm } from "@/components/ui/form-kit";
import { subscribeByCodeSchema } from "@/lib/subscriptions/schemas";
import { SearchOrCancel } from "./search-or-cancel";

/** M'abonner "Avec votre code abonné" (guide 004 §1.1). */
export function SubscribeByCodeForm({ slug, cancelHref }: { slug: string; cancelHref: string }) {
  const headingId = useId();
  const { form, state, pending, onSubmit } = useActionForm(subscribeByCodeSchema, subscribeByCode, { code: "" });
  const { errors } = form.formState;
  return (
    <form className="form" aria-labelledby={headingId} onSubmit={onSubmit} noValidate>
      <h2 id={headingId}>Avec votre code abonné</h2>
      <FormMessage state={state} />
      <input type="hidden" name="commune" value={slug} />
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

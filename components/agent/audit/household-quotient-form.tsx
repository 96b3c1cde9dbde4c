"use client";

import { FormMessage, SubmitButton, TextField, useActionForm } from "@/components/ui/form-kit";
import type { FormAction } from "@/lib/actions/state";
import { familyQuotientSchema } from "@/lib/households/quotient-schema";

/** "Quotient familial" set directly by an agent; the change is recorded in the household's history. */
export function HouseholdQuotientForm({
  action,
  householdId,
  familyQuotient,
}: {
  action: FormAction;
  householdId: string;
  familyQuotient: number | null;
}) {
  const { form, state, pending, onSubmit } = useActionForm(familyQuotientSchema, action, {
    householdId,
    familyQuotient: familyQuotient === null ? "" : String(familyQuotient),
  });
  return (
    <form className="form" aria-labelledby="quotient-familial" onSubmit={onSubmit} noValidate>
      <h2 id="quotient-familial">Quotient familial</h2>
      <FormMessage state={state} />
      <input type="hidden" {...form.register("householdId")} />
      <TextField
        label="Quotient familial"
        required
        inputMode="numeric"
        autoComplete="off"
        hint="Nombre entier, tel que transmis par la CAF ou la MSA. Il fixe les tarifs de la famille."
        registration={form.register("familyQuotient")}
        error={form.formState.errors.familyQuotient?.message}
      />
      <div className="button-row">
        <SubmitButton pending={pending}>Enregistrer le quotient familial</SubmitButton>
      </div>
    </form>
  );
}

"use client";

import { useFieldArray } from "react-hook-form";
import { FormMessage, SubmitButton, TextField, useActionForm } from "@/components/ui/form-kit";
import type { FormAction } from "@/lib/actions/state";
import type { Vaccination } from "@/lib/family-file/fields";
import { vaccinationsSchema } from "@/lib/family-file/schemas";
import { type PendingNote, PendingValue } from "./pending-value";

/** "Vaccinations": add, change or remove rows, sent as one "Modification des vaccins" request. */
export function VaccinationsForm({
  action,
  householdId,
  childId,
  vaccinations,
  note,
}: {
  action: FormAction;
  householdId: string;
  childId: string;
  vaccinations: Vaccination[];
  note?: PendingNote;
}) {
  const { form, state, pending, onSubmit } = useActionForm(vaccinationsSchema, action, { vaccinations });
  const { fields, append, remove } = useFieldArray({ control: form.control, name: "vaccinations" });
  const rowErrors = form.formState.errors.vaccinations;
  return (
    <form className="form" onSubmit={onSubmit} noValidate>
      <input type="hidden" name="householdId" value={householdId} />
      <input type="hidden" name="targetId" value={childId} />
      <FormMessage state={state} />
      <PendingValue note={note} />
      {fields.length === 0 ? <p>Aucun vaccin n&apos;est enregistré.</p> : null}
      {fields.map((row, index) => (
        <fieldset key={row.id}>
          <legend>Vaccin {index + 1}</legend>
          <TextField
            label="Nom du vaccin"
            required
            registration={form.register(`vaccinations.${index}.name`)}
            error={rowErrors?.[index]?.name?.message}
          />
          <TextField
            label="Date de vaccination"
            type="date"
            required
            registration={form.register(`vaccinations.${index}.date`)}
            error={rowErrors?.[index]?.date?.message}
          />
          <button type="button" className="button button--small button--secondary" onClick={() => remove(index)}>
            Retirer le vaccin {index + 1}
          </button>
        </fieldset>
      ))}
      <div className="button-row">
        <button type="button" className="button button--secondary" onClick={() => append({ name: "", date: "" })}>
          Ajouter un vaccin
        </button>
        <SubmitButton pending={pending}>Enregistrer les vaccins</SubmitButton>
      </div>
    </form>
  );
}

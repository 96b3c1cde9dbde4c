"use client";

import { useMemo } from "react";
import type { FieldValues } from "react-hook-form";
import type { z } from "zod";
import { DocumentUploadField } from "@/components/documents/document-upload-field";
import {
  CheckboxField,
  FormMessage,
  RadioGroupField,
  SubmitButton,
  TextField,
  useActionForm,
} from "@/components/ui/form-kit";
import type { FormAction } from "@/lib/actions/state";
import { sectionFieldsSchema } from "@/lib/family-file/schemas";
import { fileSection, type SectionField, type SectionId } from "@/lib/family-file/schemas-sections";
import { ChoicesField } from "./choices-field";
import { type PendingNote, PendingValue } from "./pending-value";

const TEXT_INPUTS = {
  text: { type: "text" },
  email: { type: "email", inputMode: "email" },
  tel: { type: "tel", inputMode: "tel" },
  postcode: { type: "text", inputMode: "numeric" },
  date: { type: "date" },
  iban: { type: "text" },
  bic: { type: "text" },
} as const;

/**
 * One section of a Dossier famille screen (Information de base, Adresse, Autorisations…) as a form, from its
 * definition: each field with its validated value and, when a change is pending, the proposed one in yellow.
 * Saving sends a change request; the town validates it.
 */
export function SectionForm({
  action,
  sectionId,
  householdId,
  targetId,
  defaults,
  notes,
  submitLabel = "Enregistrer les modifications",
  fileField,
}: {
  action: FormAction;
  sectionId: SectionId;
  householdId: string;
  targetId: string;
  defaults: Record<string, unknown>;
  notes: Record<string, PendingNote>;
  submitLabel?: string;
  /** A document posted with the values (the bank section's RIB): its files go to the action with the form. */
  fileField?: { name: string; label: string };
}) {
  const section = fileSection(sectionId);
  const schema = useMemo(
    () => sectionFieldsSchema(section) as unknown as z.ZodType<FieldValues, FieldValues>,
    [section],
  );
  const { form, state, pending, onSubmit } = useActionForm(schema, action, defaults);
  const errors = form.formState.errors as Record<string, { message?: string } | undefined>;
  const hasRequired = section.groups.some((g) => g.fields.some((f) => f.required));

  function renderField(field: SectionField) {
    const registration = form.register(field.key);
    const error = errors[field.key]?.message;
    switch (field.input) {
      case "checkbox":
        return <CheckboxField label={field.label} registration={registration} error={error} />;
      case "checkboxes":
        return (
          <ChoicesField legend={field.label} options={field.options ?? {}} registration={registration} error={error} />
        );
      case "radio": {
        const options = Object.entries(field.options ?? {}).map(([value, label]) => ({ value, label }));
        if (!field.required) options.push({ value: "", label: "Non concerné" });
        return (
          <RadioGroupField
            legend={field.label}
            options={options}
            registration={registration}
            error={error}
            required={field.required}
          />
        );
      }
      default: {
        const input = TEXT_INPUTS[field.input];
        return (
          <TextField
            label={field.label}
            registration={registration}
            error={error}
            hint={field.hint}
            required={field.required}
            type={input.type}
            inputMode={"inputMode" in input ? input.inputMode : undefined}
            autoComplete={field.autoComplete}
          />
        );
      }
    }
  }

  return (
    <form className="form" onSubmit={onSubmit} noValidate>
      <input type="hidden" name="section" value={section.id} />
      <input type="hidden" name="householdId" value={householdId} />
      <input type="hidden" name="targetId" value={targetId} />
      {hasRequired ? <p className="form-required-note">Les champs avec * sont obligatoires.</p> : null}
      <FormMessage state={state} />
      {section.groups.map((group, index) => {
        const fields = group.fields.map((field) => (
          <div key={field.key}>
            {renderField(field)}
            <PendingValue note={notes[field.key]} />
          </div>
        ));
        return group.legend ? (
          <fieldset key={group.fields[0]?.key ?? index}>
            <legend>{group.legend}</legend>
            {group.hint ? <p className="field__hint">{group.hint}</p> : null}
            {fields}
          </fieldset>
        ) : (
          <div key={group.fields[0]?.key ?? index}>{fields}</div>
        );
      })}
      {fileField ? (
        <DocumentUploadField label={fileField.label} name={fileField.name} error={errors[fileField.name]?.message} />
      ) : null}
      <div className="button-row">
        <SubmitButton pending={pending}>{submitLabel}</SubmitButton>
      </div>
    </form>
  );
}

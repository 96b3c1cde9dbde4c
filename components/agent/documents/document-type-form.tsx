"use client";

import { useEffect } from "react";
import {
  CheckboxField,
  FormMessage,
  RadioGroupField,
  SelectField,
  SubmitButton,
  TextField,
  useActionForm,
} from "@/components/ui/form-kit";
import type { DocumentType } from "@/db/schema";
import type { FormAction } from "@/lib/actions/state";
import { DOCUMENT_AUDIENCE_LABELS } from "@/lib/documents/labels";
import { documentTypeSchema } from "@/lib/documents/schemas";
import { asksForDocuments, REQUEST_TYPES } from "@/lib/requests/types";
import styles from "./documents.module.css";

export type DocumentTypeValues = Pick<
  DocumentType,
  "id" | "label" | "description" | "audience" | "requestType" | "required" | "validityMonths" | "isHealth" | "active"
>;

const audienceOptions = Object.entries(DOCUMENT_AUDIENCE_LABELS).map(([value, label]) => ({ value, label }));
const requestTypeOptions = Object.entries(REQUEST_TYPES)
  .filter(([code]) => asksForDocuments(code))
  .map(([value, def]) => ({ value, label: def.label }));

/** One document type ("Enregistrer"), or a new one ("Ajouter le type de pièce"). */
export function DocumentTypeForm({ action, type }: { action: FormAction; type?: DocumentTypeValues }) {
  const { form, state, pending, onSubmit } = useActionForm(documentTypeSchema, action, {
    id: type?.id ?? "",
    label: type?.label ?? "",
    description: type?.description ?? "",
    audience: type?.audience ?? "household",
    requestType: type?.requestType ?? "",
    required: type?.required ?? true,
    validityMonths: type?.validityMonths ?? "",
    isHealth: type?.isHealth ?? false,
    active: type?.active ?? true,
  });
  const { errors } = form.formState;
  const { register } = form;
  const audience = form.watch("audience");

  // A type just added: the form is ready for the next one (the new type is in the list above).
  useEffect(() => {
    if (!type && state?.ok) form.reset();
  }, [type, state, form]);

  return (
    <form
      className={`form ${styles.decision}`}
      aria-label={type ? `Type de pièce ${type.label}` : "Ajouter un type de pièce"}
      onSubmit={onSubmit}
      noValidate
    >
      <FormMessage state={state} />
      {type ? <input type="hidden" {...register("id")} /> : null}
      <TextField label="Nom de la pièce" required registration={register("label")} error={errors.label?.message} />
      <TextField
        multiline
        label="Aide pour les familles"
        hint="Ce que la pièce doit montrer, affiché sous son nom (300 caractères au plus)."
        registration={register("description")}
        error={errors.description?.message}
      />
      <RadioGroupField
        legend="Qui doit la fournir"
        required
        options={audienceOptions}
        registration={register("audience")}
        error={errors.audience?.message}
      />
      {audience === "request" ? (
        <SelectField
          label="Demande qui réclame cette pièce"
          required
          placeholder="Choisir une demande"
          options={requestTypeOptions}
          registration={register("requestType")}
          error={errors.requestType?.message}
        />
      ) : null}
      <TextField
        label="Durée de validité (mois)"
        type="number"
        inputMode="numeric"
        hint="Propose la date d'expiration à la validation. Laissez vide si la pièce n'expire pas."
        registration={register("validityMonths")}
        error={errors.validityMonths?.message}
      />
      <CheckboxField
        label={
          audience === "request"
            ? "Obligatoire (la demande ne peut pas être envoyée sans elle)"
            : "Obligatoire (comptée dans les pièces à fournir)"
        }
        registration={register("required")}
        error={errors.required?.message}
      />
      <CheckboxField
        label="Donnée de santé (chaque consultation par un agent est tracée)"
        registration={register("isHealth")}
        error={errors.isHealth?.message}
      />
      <CheckboxField
        label="Active (demandée aux familles)"
        registration={register("active")}
        error={errors.active?.message}
      />
      <div className="button-row">
        <SubmitButton pending={pending}>{type ? "Enregistrer" : "Ajouter le type de pièce"}</SubmitButton>
      </div>
    </form>
  );
}

import type { z } from "zod";
import { CONTROL_CHARACTERS_MESSAGE, hasControlCharacters, REPEATED_FIELD_MESSAGE } from "@/lib/validation/fields";

/**
 * The French message of a zod check that has none of its own (zod's defaults are English and technical): only
 * a hand-crafted request reaches them, but it still gets a sentence a person can read.
 */
export function fallbackMessage(issue: z.core.$ZodRawIssue): string {
  switch (issue.code) {
    case "invalid_type":
      if (issue.input === undefined) return "Ce champ est obligatoire.";
      return issue.input instanceof Blob
        ? "Ce champ doit être un texte, pas un fichier."
        : "Ce champ n'est pas valide.";
    case "too_big":
      return "Ce champ dépasse la taille autorisée.";
    case "too_small":
      return "Ce champ est incomplet.";
    default:
      return "Ce champ n'est pas valide.";
  }
}

/**
 * The field errors of a submitted form, keyed by the form's field names: a text with control characters is
 * refused whatever its schema says (every text field, present and future); a value sent several times where
 * one is expected says so rather than blaming the value.
 */
export function formFieldErrors(
  input: Record<string, unknown>,
  issues: readonly z.core.$ZodIssue[],
): Record<string, string[]> {
  const errors: Record<string, string[]> = {};
  for (const issue of issues) {
    const field = issue.path.join(".") || "form";
    const repeated = Array.isArray(input[field]) && (issue.code === "invalid_type" || issue.code === "invalid_value");
    errors[field] = [...(errors[field] ?? []), repeated ? REPEATED_FIELD_MESSAGE : issue.message];
  }
  for (const [field, value] of Object.entries(input)) {
    const values = Array.isArray(value) ? value : [value];
    if (values.some((v) => typeof v === "string" && hasControlCharacters(v)))
      errors[field] = [CONTROL_CHARACTERS_MESSAGE];
  }
  return errors;
}

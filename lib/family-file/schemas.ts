import { z } from "zod";
import { todayInParis } from "@/lib/clock";
import { RIB_FIELD } from "@/lib/documents/family-messages";
import type { FamilyFileChangeType } from "@/lib/requests/types";
import { checkbox, requiredText } from "@/lib/validation/fields";
import { frenchPhoneField } from "@/lib/validation/french-phone";
import { bicField, ibanField } from "@/lib/validation/iban";
import { postcodeField } from "@/lib/validation/postcode";
import { FAMILY_FILE_SECTIONS, type FileSection, type SectionField, type SectionId } from "./schemas-sections";

/**
 * The zod schemas of the Dossier famille forms, built from the section definitions (sections.ts) so that the
 * browser (react-hook-form) and the server action validate exactly the same rules, with the same French messages.
 */

const MAX_TEXT = 100;

const optionalText = (label: string, max = MAX_TEXT) =>
  z
    .string()
    .optional()
    .transform((v) => (v ?? "").trim())
    .refine((v) => v.length <= max, `${label} ne doit pas dépasser ${max} caractères.`);

const optionalEmail = () =>
  optionalText("L'adresse e-mail", 254).refine(
    (v) => !v || z.email().safeParse(v).success,
    "Saisissez une adresse e-mail valide, par exemple nom@exemple.fr.",
  );

function isCalendarDay(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/** A past (or today's) calendar day, yyyy-MM-dd: a birth date, a vaccination date. */
export const pastDate = (label: string) =>
  z
    .string({ error: `${label} est obligatoire.` })
    .trim()
    .min(1, `${label} est obligatoire.`)
    .refine(isCalendarDay, `${label} doit être une date valide au format jj/mm/aaaa.`)
    .refine((v) => !isCalendarDay(v) || v >= "1900-01-01", `${label} doit être postérieure au 01/01/1900.`)
    .refine((v) => !isCalendarDay(v) || v <= todayInParis(), `${label} ne peut pas être dans le futur.`);

/** Tick boxes sharing one name: none ticked arrives as nothing (FormData) or false (react-hook-form). */
const ticked = (codes: readonly string[]) =>
  z.preprocess(
    (v) => (v === undefined || v === null || v === false ? [] : Array.isArray(v) ? v : [v]),
    z.array(z.enum(codes as [string, ...string[]], { error: "Choix inconnu." })),
  );

function fieldSchema(field: SectionField): z.ZodType {
  const label = field.errorLabel ?? `Le champ « ${field.label} »`;
  switch (field.input) {
    case "text":
      return field.required ? requiredText(label, MAX_TEXT) : optionalText(label);
    case "email":
      return optionalEmail();
    case "tel":
      return frenchPhoneField(label);
    case "postcode":
      return postcodeField();
    case "date":
      return pastDate(label);
    case "checkbox":
      return checkbox();
    case "radio": {
      const codes = Object.keys(field.options ?? {}) as [string, ...string[]];
      const choice = z.enum(codes, { error: `Choisissez une réponse pour « ${field.label} ».` });
      return field.required
        ? choice
        : z.preprocess((v) => (v === "" || v === undefined || v === null ? null : v), choice.nullable());
    }
    case "checkboxes":
      return ticked(Object.keys(field.options ?? {}));
    case "iban":
      // Empty keeps the account on file (whose IBAN is never sent back to the browser).
      return z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? undefined : v), ibanField().optional());
    case "bic":
      return z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? undefined : v), bicField().optional());
  }
}

export function sectionFields(section: FileSection): SectionField[] {
  return section.groups.flatMap((g) => g.fields);
}

/** What the browser validates: the section's own fields. */
export function sectionFieldsSchema(section: FileSection) {
  return z.object(Object.fromEntries(sectionFields(section).map((f) => [f.key, fieldSchema(f)])));
}

const recordId = (what: string) => z.uuid({ error: `${what} est introuvable dans votre dossier famille.` });

/** Which household and record a form is about; the household is checked against the account's subscriptions. */
export const fileTargetSchema = z.object({
  householdId: recordId("Le dossier famille"),
  targetId: recordId("La fiche"),
});

/**
 * The file fields a section's form posts beside its values: the bank section's RIB (its files, checked by the
 * action: lib/documents/upload.ts).
 */
const sectionFileFields = (section: FileSection) =>
  section.requestType === "bank.update" ? { [RIB_FIELD]: z.unknown().optional() } : {};

/** What the server action validates: the section's fields, which section, and the record it is about. */
export const sectionChangeSchema = z.discriminatedUnion(
  "section",
  FAMILY_FILE_SECTIONS.map((section) =>
    sectionFieldsSchema(section)
      .extend({ section: z.literal(section.id) })
      .extend(fileTargetSchema.shape)
      .extend(sectionFileFields(section)),
  ) as unknown as [z.ZodObject, ...z.ZodObject[]],
  { error: "Formulaire inconnu." },
) as unknown as z.ZodType<{ section: SectionId; householdId: string; targetId: string } & Record<string, unknown>>;

/** "Modification des vaccins": the child's whole list, rows added, changed or removed in the form. */
export const vaccinationsSchema = z.object({
  vaccinations: z
    .array(
      z.object({
        name: requiredText("Le nom du vaccin", MAX_TEXT),
        date: pastDate("La date de vaccination"),
      }),
    )
    .max(50, "50 vaccins au plus."),
});

/** Form inputs "vaccinations.0.name" (FormData is flat) back to the nested shape react-hook-form had. */
export function nestIndexedKeys(input: unknown): unknown {
  if (typeof input !== "object" || input === null) return input;
  const result: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(input)) {
    const match = /^(\w+)\.(\d{1,3})\.(\w+)$/.exec(key);
    if (!match) {
      result[key] ??= value;
      continue;
    }
    const [, list = "", index, field = ""] = match;
    if (!Array.isArray(result[list])) result[list] = [];
    const rows = result[list] as Record<string, unknown>[];
    const row = rows[Number(index)] ?? {};
    row[field] = value;
    rows[Number(index)] = row;
  }
  for (const value of Object.values(result)) {
    if (Array.isArray(value)) for (let i = 0; i < value.length; i++) value[i] ??= {};
  }
  return result;
}

export const vaccinationsChangeSchema = z.preprocess((input) => {
  const nested = nestIndexedKeys(input) as Record<string, unknown>;
  return { vaccinations: [], ...nested };
}, vaccinationsSchema.extend(fileTargetSchema.shape));

/** A button acting on one request of the household ("Retirer ma demande"). */
export const requestTargetSchema = z.object({
  householdId: recordId("Le dossier famille"),
  requestId: recordId("La demande"),
});

/** "Supprimer" a personne habilitée: a removal request. */
export const removeAuthorizedAdultSchema = fileTargetSchema;

/** The request type of each section, for the action. */
export function sectionRequestType(id: SectionId): FamilyFileChangeType {
  return FAMILY_FILE_SECTIONS.find((s) => s.id === id)!.requestType;
}

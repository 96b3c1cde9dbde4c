import { z } from "zod";
import { FIRST_DAY, isIsoDay, isWellFormedDay, LAST_DAY } from "@/lib/planning/days";

/** Field builders shared by every form schema, with the portal's French messages. */
export const requiredText = (label: string, max = 100) =>
  z
    .string({ error: `${label} est obligatoire.` })
    .trim()
    .min(1, `${label} est obligatoire.`)
    .max(max, `${label} ne doit pas dépasser ${max} caractères.`);

export const emailField = () =>
  z
    .string({ error: "L'adresse e-mail est obligatoire." })
    .trim()
    .min(1, "L'adresse e-mail est obligatoire.")
    .max(254, "L'adresse e-mail est trop longue.")
    .pipe(z.email("Saisissez une adresse e-mail valide, par exemple nom@exemple.fr."))
    .transform((v) => v.toLowerCase());

/** A checkbox: `true` from react-hook-form, `"on"` from a submitted FormData, absent when unticked. */
export const checkbox = () => z.preprocess((v) => v === true || v === "on" || v === "true", z.boolean());

export const civilityField = () => z.enum(["M", "MME"], { error: "Choisissez une civilité." });

export const civilityLabels = { M: "Monsieur", MME: "Madame" } as const;

export const CONTROL_CHARACTERS_MESSAGE = "Ce champ contient des caractères non autorisés.";
export const REPEATED_FIELD_MESSAGE = "Ce champ ne doit être envoyé qu'une fois.";
const frenchDay = (day: string) => day.split("-").reverse().join("/");
export const DAY_OUT_OF_RANGE_MESSAGE = `Saisissez une date comprise entre le ${frenchDay(FIRST_DAY)} et le ${frenchDay(LAST_DAY)}.`;

// C0 and C1 controls and DEL, except tab, line feed and carriage return (multi-line messages): PostgreSQL refuses NUL
// in text, and the others are never typed, only injected.
const CONTROL_CHARACTERS = /(?![\t\n\r])\p{Cc}/u;

export function hasControlCharacters(value: string): boolean {
  return CONTROL_CHARACTERS.test(value);
}

/**
 * A calendar day "yyyy-MM-dd" the portal can handle (1900–2100): a year 9999 would overflow the day arithmetic
 * and the database's date range. `invalid` is the message of a malformed or impossible day.
 */
export const dayField = (messages: { missing: string; invalid: string }) =>
  z
    .string({ error: messages.missing })
    .trim()
    .min(1, { message: messages.missing, abort: true })
    .refine(isWellFormedDay, { message: messages.invalid, abort: true })
    .refine(isIsoDay, DAY_OUT_OF_RANGE_MESSAGE);

/** A search box of a list page (?q=): control characters dropped, too long ignored — never an error page. */
export const searchQuery = () =>
  z
    .string()
    .transform((v) => v.replace(new RegExp(CONTROL_CHARACTERS, "gu"), ""))
    .pipe(z.string().trim().max(100))
    .catch("");

import { z } from "zod";

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

export const civilityField = () =>
  z.enum(["M", "MME"], { error: "Choisissez une civilité." });

export const civilityLabels = { M: "Monsieur", MME: "Madame" } as const;

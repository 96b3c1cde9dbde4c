import { z } from "zod";

export const FAMILY_QUOTIENT_MAX = 100_000;

/** "Quotient familial" set by an agent on the household page: a whole number ≥ 0. */
export const familyQuotientSchema = z.object({
  householdId: z.uuid("Dossier famille introuvable."),
  familyQuotient: z
    .string("Saisissez le quotient familial.")
    .trim()
    .min(1, { message: "Saisissez le quotient familial.", abort: true })
    .regex(/^\d+$/, "Le quotient familial doit être un nombre entier positif ou nul, sans espace ni virgule.")
    .transform(Number)
    .refine(
      (value) => value <= FAMILY_QUOTIENT_MAX,
      `Le quotient familial ne peut pas dépasser ${FAMILY_QUOTIENT_MAX}.`,
    ),
});

import { z } from "zod";
import { DOCUMENT_AUDIENCE_LABELS } from "./labels";

/*
 * The documents module's forms, one schema each shared by the form (react-hook-form) and its server action.
 * Files are not in the schemas: the action hands the FormData's files to prepareUploadedDocument, which answers
 * at the field.
 */

const documentId = z.uuid({ error: "Ce document n'existe pas." });

/** Family: "Ajouter" / "Remplacer" a document. `files`: the file field's name (one or several files). */
export const uploadDocumentSchema = z.object({
  typeId: z.uuid({ error: "Choisissez le type de pièce." }),
  childId: z
    .uuid({ error: "Choisissez l'enfant." })
    .optional()
    .or(z.literal("").transform(() => undefined)),
  files: z.unknown().optional(),
});

/** Agent: "Valider", with the expiry date (empty: no expiry). */
export const validateDocumentSchema = z.object({
  documentId,
  expiresOn: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, { error: "Saisissez une date d'expiration valide." })
    .optional()
    .or(z.literal("").transform(() => undefined)),
});

/** Agent: "Refuser", the reason is mailed to the family. */
export const refuseDocumentSchema = z.object({
  documentId,
  reason: z
    .string({ error: "Indiquez le motif du refus." })
    .trim()
    .min(1, { error: "Indiquez le motif du refus." })
    .max(500, { error: "Le motif ne peut pas dépasser 500 caractères." }),
});

/** Agent: "Valider la sélection" from the queue (each with its type's default expiry). */
export const validateDocumentsSchema = z.object({
  documentIds: z.preprocess(
    (value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]),
    z.array(documentId).min(1, { error: "Cochez au moins un document." }).max(100),
  ),
});

const audiences = Object.keys(DOCUMENT_AUDIENCE_LABELS) as [keyof typeof DOCUMENT_AUDIENCE_LABELS, ...string[]];

/** Agent settings: a document type (new when id is absent). */
export const documentTypeSchema = z
  .object({
    id: z
      .uuid()
      .optional()
      .or(z.literal("").transform(() => undefined)),
    label: z
      .string({ error: "Saisissez le nom de la pièce." })
      .trim()
      .min(1, { error: "Saisissez le nom de la pièce." })
      .max(120, { error: "Le nom ne peut pas dépasser 120 caractères." }),
    description: z.string().trim().max(300, { error: "L'aide ne peut pas dépasser 300 caractères." }).optional(),
    audience: z.enum(audiences, { error: "Choisissez qui doit fournir cette pièce." }),
    requestType: z.string().trim().optional(),
    required: z.coerce.boolean().default(false),
    isHealth: z.coerce.boolean().default(false),
    active: z.coerce.boolean().default(false),
    validityMonths: z
      .union([z.literal("").transform(() => null), z.coerce.number().int().min(1).max(120)], {
        error: "Saisissez une durée entre 1 et 120 mois, ou laissez vide.",
      })
      .optional()
      .transform((v) => v ?? null),
  })
  .superRefine((value, ctx) => {
    if (value.audience === "request" && !value.requestType)
      ctx.addIssue({
        code: "custom",
        path: ["requestType"],
        message: "Choisissez la demande qui réclame cette pièce.",
      });
  });

/** Agent settings: how long the documents of a closed household are kept. */
export const documentSettingsSchema = z.object({
  retentionMonths: z.coerce
    .number({ error: "Saisissez une durée en mois." })
    .int({ error: "Saisissez un nombre entier de mois." })
    .min(1, { error: "La durée doit être d'au moins 1 mois." })
    .max(120, { error: "La durée ne peut pas dépasser 120 mois." }),
});

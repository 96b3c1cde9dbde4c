import { z } from "zod";
import { parseEuroAmount } from "@/lib/billing/euros";
import { nestIndexedKeys } from "@/lib/family-file/schemas";
import { formatEuros } from "@/lib/format";
import { checkbox, dayField, requiredText } from "@/lib/validation/fields";
import { type Allocation, COUNTER_PAYMENT_METHODS, counterPaymentDescription } from "./allocation";

/*
 * The agents' money forms (règlement, annulation, avoir, trésorerie), shared by the browser (react-hook-form) and
 * the server actions. Amounts are typed in euros ("14,10") and leave here in cents.
 */

export const REASON_MAX_LENGTH = 500;
export const MAX_INVOICES_PER_PAYMENT = 100;
export const MAX_INVOICES_PER_TRANSMISSION = 500;

/** An amount typed in euros ("14,10", "14.1 €"), in cents, above zero. */
const euros = (missing: string, invalid: string) =>
  z
    .string({ error: missing })
    .trim()
    .min(1, { message: missing, abort: true })
    .max(20, { message: invalid, abort: true })
    .transform((typed) => parseEuroAmount(typed) ?? 0)
    .refine((cents) => cents > 0, invalid);

/** Cents of an amount typed in euros, null when it is not one. */
export const centsOf = (typed: string | undefined): number | null => (typed ? parseEuroAmount(typed) : null);

const ALLOCATION_INVALID = "Saisissez le montant affecté à cette facture, par exemple 14,10.";

/** One row of the table of invoices: ticked or not, and the part of the payment it gets. */
const allocationRow = z
  .object({
    invoiceId: z.uuid("Facture introuvable."),
    selected: checkbox(),
    amount: z.string().trim().max(20, ALLOCATION_INVALID).optional().default(""),
  })
  .superRefine((row, ctx) => {
    const cents = centsOf(row.amount);
    if (row.selected && (cents === null || cents <= 0))
      ctx.addIssue({ code: "custom", path: ["amount"], message: ALLOCATION_INVALID });
  });

/** The payment form as react-hook-form holds it (rows nested); the action takes the posted form, see below. */
export const paymentFormSchema = z
  .object({
    householdId: z.uuid("Dossier famille introuvable."),
    /** Generated when the form is shown: the same form sent twice records one payment. */
    idempotencyKey: z.uuid("Rechargez la page avant d'enregistrer le règlement."),
    method: z.enum(COUNTER_PAYMENT_METHODS, "Choisissez le moyen de paiement."),
    receivedOn: dayField({
      missing: "Saisissez la date de réception du règlement.",
      invalid: "La date de réception n'est pas une date valide.",
    }),
    /** N° de chèque, or a description for the other means. */
    reference: z.string().trim().max(100, "Ce champ ne doit pas dépasser 100 caractères.").optional().default(""),
    amount: euros(
      "Saisissez le montant du règlement.",
      "Saisissez un montant en euros supérieur à 0, par exemple 14,10.",
    ),
    allocations: z
      .array(allocationRow)
      .max(MAX_INVOICES_PER_PAYMENT, `Un règlement porte sur ${MAX_INVOICES_PER_PAYMENT} factures au plus.`)
      .refine((rows) => rows.some((row) => row.selected), "Cochez au moins une facture à régler."),
  })
  .superRefine((input, ctx) => {
    if (input.method === "cheque" && !input.reference)
      ctx.addIssue({ code: "custom", path: ["reference"], message: "Saisissez le numéro du chèque." });
    const parts = input.allocations.filter((row) => row.selected).map((row) => centsOf(row.amount) ?? 0);
    const allocatedCents = parts.reduce((sum, cents) => sum + cents, 0);
    // A part left wrong has its own message: the total is compared once every part is an amount.
    if (parts.length > 0 && parts.every((cents) => cents > 0) && allocatedCents !== input.amount)
      ctx.addIssue({
        code: "custom",
        path: ["amount"],
        message: `Le montant du règlement (${formatEuros(input.amount)}) doit être égal au total affecté aux factures (${formatEuros(allocatedCents)}).`,
      });
  })
  .transform((input) => ({
    householdId: input.householdId,
    idempotencyKey: input.idempotencyKey,
    method: input.method,
    receivedOn: input.receivedOn,
    description: counterPaymentDescription(input.method, input.reference),
    amountCents: input.amount,
    allocations: input.allocations
      .filter((row) => row.selected)
      .map((row): Allocation => ({ invoiceId: row.invoiceId, amountCents: centsOf(row.amount) ?? 0 })),
  }));

/**
 * "Enregistrer un règlement": a means, a day, a cheque number or description, the amount received and, per
 * ticked invoice, the part of it that settles the invoice (rows "allocations.0.amount" in the posted form).
 */
export const recordPaymentSchema = z.preprocess(
  (input) => ({ allocations: [], ...(nestIndexedKeys(input) as Record<string, unknown>) }),
  paymentFormSchema,
);

export type RecordPaymentInput = z.output<typeof recordPaymentSchema>;

const reason = (label: string) => requiredText(label, REASON_MAX_LENGTH);

/** "Annuler ce règlement" (a rejected cheque…): the reason is kept with it. */
export const cancelPaymentSchema = z.object({
  paymentId: z.uuid("Règlement introuvable."),
  reason: reason("Le motif de l'annulation"),
});

/** "Annuler par un avoir": the credit note's reason is printed on it. */
export const creditNoteSchema = z.object({
  invoiceId: z.uuid("Facture introuvable."),
  reason: reason("Le motif de l'avoir"),
});

/** "Transmettre en trésorerie" the ticked invoices (checkboxes give nothing, one value or several). */
export const transmitToTreasurySchema = z.object({
  invoiceIds: z.preprocess(
    (value) => (Array.isArray(value) ? value : typeof value === "string" && value ? [value] : []),
    z
      .array(z.uuid("Facture introuvable."))
      .min(1, "Sélectionnez au moins une facture.")
      .max(MAX_INVOICES_PER_TRANSMISSION, `Sélectionnez au plus ${MAX_INVOICES_PER_TRANSMISSION} factures à la fois.`),
  ),
});

import { z } from "zod";
import { parseEuroAmount } from "@/lib/billing/euros";
import { requiredText } from "@/lib/validation/fields";

/** M'abonner "Avec votre code abonné" (shared by the form and its server action). */
export const subscribeByCodeSchema = z.object({
  code: requiredText("Le code abonné", 40),
});

/** M'abonner "Avec une de vos factures": the amount is checked here and handed on in cents. */
export const subscribeByInvoiceSchema = z.object({
  emissionCode: requiredText("Le code émission de la facture", 40),
  reference: requiredText("La référence de la facture", 40),
  amount: requiredText("Le montant de la facture", 20)
    .refine(
      (value) => parseEuroAmount(value) !== null,
      "Saisissez le montant de la facture en euros, par exemple 86,40.",
    )
    .transform((value) => parseEuroAmount(value)!),
  personalCode: requiredText("Le code personnel", 40),
});

// Only "use server" functions may leave the actions module, so its messages live here.
export const CHECK_FIELD_MESSAGE = "Vérifiez le champ signalé.";
export const UNKNOWN_CODE_MESSAGE = "Aucun dossier famille ne correspond à ce code abonné.";
export const UNKNOWN_INVOICE_MESSAGE =
  "Aucune facture ne correspond à ces informations. Vérifiez le code émission, la référence, le montant et le code personnel.";

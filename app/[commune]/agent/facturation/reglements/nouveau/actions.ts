"use server";

import { revalidatePath } from "next/cache";
import { userAction } from "@/lib/actions/action";
import { failure, fieldFailure, success } from "@/lib/actions/state";
import { staffRoles } from "@/lib/auth/session";
import { recordPaymentSchema } from "@/lib/billing/money-schemas";
import { recordPayment } from "@/lib/billing/payments";
import { todayInParis } from "@/lib/clock";
import { formatEuros } from "@/lib/format";
import { routePatterns } from "@/lib/routes/paths";

/** What the form shows once the payment is recorded. */
export type RecordedPaymentData = { operationNumber: string };

/**
 * "Enregistrer le règlement": a cheque, cash, CESU or a transfer received for some of the household's invoices.
 * The form's key makes a second submission answer with the first payment.
 */
export const recordPaymentAction = userAction(
  { schema: recordPaymentSchema, roles: staffRoles },
  async (input, { db, commune, user }) => {
    if (input.receivedOn > todayInParis())
      return fieldFailure("receivedOn", "La date de réception ne peut pas être dans le futur.");
    const result = await recordPayment(db, { ...input, communeId: commune.id, userId: user.id });
    if (!result.ok) return failure(result.refusal.message);
    const { operationNumber, amountCents } = result.payment;
    if (result.alreadyRecorded)
      return success<RecordedPaymentData>(`Ce règlement est déjà enregistré sous le n° ${operationNumber}.`, {
        operationNumber,
      });
    revalidatePath(routePatterns.agentBilling, "layout");
    revalidatePath(routePatterns.household, "page");
    revalidatePath(routePatterns.billing, "layout");
    return success<RecordedPaymentData>(
      `Règlement de ${formatEuros(amountCents)} enregistré sous le n° ${operationNumber}.`,
      { operationNumber },
    );
  },
);

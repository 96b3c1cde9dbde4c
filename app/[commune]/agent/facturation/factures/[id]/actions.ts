"use server";

import { revalidatePath } from "next/cache";
import { userAction } from "@/lib/actions/action";
import { failure, success } from "@/lib/actions/state";
import { staffRoles } from "@/lib/auth/session";
import { cancelInvoiceByCreditNote } from "@/lib/billing/credit-notes";
import { cancelPaymentSchema, creditNoteSchema } from "@/lib/billing/money-schemas";
import { cancelPayment } from "@/lib/billing/payments";
import { formatEuros } from "@/lib/format";
import { routePatterns } from "@/lib/routes/paths";

/** What a change of an invoice's money shows anew: the agents' billing pages, the household, the family's space. */
function revalidateMoneyPages() {
  revalidatePath(routePatterns.agentBilling, "layout");
  revalidatePath(routePatterns.household, "page");
  revalidatePath(routePatterns.billing, "layout");
}

/** "Annuler ce règlement" (a rejected cheque…): its amounts go back to the invoices it settled. */
export const cancelPaymentAction = userAction(
  { schema: cancelPaymentSchema, roles: staffRoles },
  async (input, { db, commune, user }) => {
    const result = await cancelPayment(db, {
      communeId: commune.id,
      paymentId: input.paymentId,
      reason: input.reason,
      userId: user.id,
    });
    if (!result.ok) return failure(result.refusal.message);
    const { operationNumber, amountCents } = result.payment;
    if (result.alreadyCancelled) return success(`Le règlement n° ${operationNumber} est déjà annulé.`);
    revalidateMoneyPages();
    return success(`Le règlement n° ${operationNumber} de ${formatEuros(amountCents)} est annulé.`);
  },
);

/** "Annuler par un avoir": the whole invoice, once no payment settles it. */
export const issueCreditNoteAction = userAction(
  { schema: creditNoteSchema, roles: staffRoles },
  async (input, { db, commune, user }) => {
    const result = await cancelInvoiceByCreditNote(db, {
      communeId: commune.id,
      invoiceId: input.invoiceId,
      reason: input.reason,
      userId: user.id,
    });
    if (!result.ok) return failure(result.refusal.message);
    if (!result.alreadyCancelled) revalidateMoneyPages();
    return success(result.message);
  },
);

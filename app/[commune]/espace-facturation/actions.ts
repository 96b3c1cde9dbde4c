"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { familyAction } from "@/lib/actions/action";
import { failure } from "@/lib/actions/state";
import { startOnlinePayment } from "@/lib/billing/online/start";

/* Espace facturation: "Payer en ligne", on an invoice of a household the account is subscribed to. */

const INVOICE_NOT_FOUND = "Cette facture est introuvable.";

const payOnlineSchema = z.object({ invoiceId: z.uuid({ error: INVOICE_NOT_FOUND }) });

/**
 * Opens (or resumes) the card payment of the invoice's balance and sends the browser to PayFiP's card page; a
 * refusal (nothing to pay online, a payment being confirmed, the service down) is shown beside the button.
 */
export const payInvoiceOnline = familyAction(
  { schema: payOnlineSchema, householdOf: "invoiceId", refusal: failure(INVOICE_NOT_FOUND) },
  async (input, ctx) => {
    const result = await startOnlinePayment(ctx.db, {
      communeId: ctx.commune.id,
      householdId: ctx.householdId,
      invoiceId: input.invoiceId,
      userId: ctx.user.id,
      email: ctx.user.email,
    });
    if (!result.ok) return failure(result.message);
    redirect(result.redirectTo);
  },
);

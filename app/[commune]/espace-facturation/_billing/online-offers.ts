import "server-only";
import type { OnlineOffer } from "@/components/billing/online-payment-offer";
import type { Db } from "@/db/client";
import { onlinePayability } from "@/lib/billing/online/eligibility";
import { openAttemptsByInvoice } from "@/lib/billing/online/reads";
import type { InvoiceFacts } from "@/lib/billing/status";

/**
 * What each of these invoices of the household offers online: an attempt still open (waiting for PayFiP's answer)
 * comes first, so a family never opens a second payment beside it; else "Payer en ligne" when the invoice can be
 * paid online.
 */
export async function onlineOffers(
  db: Db,
  scope: { communeId: string; householdId: string },
  invoices: readonly (InvoiceFacts & { id: string; payfipClientNumber: string | null })[],
): Promise<Map<string, OnlineOffer>> {
  const open = await openAttemptsByInvoice(db, { ...scope, invoiceIds: invoices.map((invoice) => invoice.id) });
  const offers = new Map<string, OnlineOffer>();
  for (const invoice of invoices) {
    const attempt = open.get(invoice.id);
    if (attempt) offers.set(invoice.id, { kind: "pending", attemptId: attempt.id });
    else if (onlinePayability(invoice, invoice).payable) offers.set(invoice.id, { kind: "pay" });
  }
  return offers;
}

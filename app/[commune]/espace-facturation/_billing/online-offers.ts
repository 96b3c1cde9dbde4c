import type { OnlineOffer } from "@/components/billing/online-payment-offer";
import type { OnlinePayment } from "@/db/schema";
import { onlinePayability } from "@/lib/billing/online/eligibility";
import type { InvoiceFacts } from "@/lib/billing/status";

/**
 * What each of these invoices of the household offers online, given the household's attempts still open
 * (openAttemptsByInvoice): an attempt still open (waiting for PayFiP's answer) comes first, so a family never opens
 * a second payment beside it; else "Payer en ligne" when the invoice can be paid online.
 */
export function onlineOffers(
  invoices: readonly (InvoiceFacts & { id: string; payfipClientNumber: string | null })[],
  open: ReadonlyMap<string, Pick<OnlinePayment, "id">>,
): Map<string, OnlineOffer> {
  const offers = new Map<string, OnlineOffer>();
  for (const invoice of invoices) {
    const attempt = open.get(invoice.id);
    if (attempt) offers.set(invoice.id, { kind: "pending", attemptId: attempt.id });
    else if (onlinePayability(invoice, invoice).payable) offers.set(invoice.id, { kind: "pay" });
  }
  return offers;
}

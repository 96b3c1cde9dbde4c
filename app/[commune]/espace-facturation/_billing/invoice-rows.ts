import type { InvoiceRow } from "@/components/billing/invoice-list";
import type { OnlineOffer } from "@/components/billing/online-payment-offer";
import { PAYMENT_METHOD_LABELS } from "@/lib/billing/allocation";
import type { FamilyInvoice } from "@/lib/billing/family/invoices";
import { balanceCents, invoiceBadge } from "@/lib/billing/status";
import { formatDate, formatEuros } from "@/lib/format";

/** What Mes factures shows of an invoice and its règlements, written out (see InvoiceRow). */
export function invoiceRow(invoice: FamilyInvoice, offer: OnlineOffer | undefined): InvoiceRow {
  return {
    id: invoice.id,
    reference: invoice.reference,
    issuedOn: formatDate(invoice.issuedOn),
    dueOn: formatDate(invoice.dueOn),
    issuer: invoice.issuer,
    amount: formatEuros(invoice.amountCents),
    badge: invoiceBadge(invoice),
    settlements: invoice.settlements.map((settlement) => ({
      paymentId: settlement.paymentId,
      receivedOn: formatDate(settlement.receivedOn),
      operationNumber: settlement.operationNumber,
      description: settlement.description,
      method: PAYMENT_METHOD_LABELS[settlement.method],
      amount: formatEuros(settlement.amountCents),
    })),
    balance: formatEuros(balanceCents(invoice)),
    cancelled: invoice.cancelledOn !== null,
    offer: offer ?? null,
  };
}

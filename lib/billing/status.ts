import type { Invoice } from "@/db/schema";
import { formatDate } from "@/lib/format";

/*
 * An invoice's status is derived, never stored: from its amount, what its payments settled, and the three facts an
 * agent or a run records (direct debit day, transmission to the treasury, credit note).
 */

export type InvoiceFacts = Pick<Invoice, "amountCents" | "paidCents" | "directDebitOn" | "treasuryOn" | "cancelledOn">;

export type InvoiceStatus = "cancelled" | "paid" | "treasury" | "direct_debit" | "partially_paid" | "to_pay";

/** What is still due: nothing once cancelled by a credit note. */
export function balanceCents(invoice: Pick<InvoiceFacts, "amountCents" | "paidCents" | "cancelledOn">): number {
  return invoice.cancelledOn ? 0 : invoice.amountCents - invoice.paidCents;
}

export function invoiceStatus(invoice: InvoiceFacts): InvoiceStatus {
  if (invoice.cancelledOn) return "cancelled";
  if (balanceCents(invoice) <= 0) return "paid";
  if (invoice.treasuryOn) return "treasury";
  if (invoice.directDebitOn) return "direct_debit";
  return invoice.paidCents > 0 ? "partially_paid" : "to_pay";
}

/** The status as the family reads it: "Prélèvement le 05/02/2027" carries its day. */
export function invoiceStatusLabel(invoice: InvoiceFacts): string {
  const status = invoiceStatus(invoice);
  if (status === "direct_debit" && invoice.directDebitOn) return `Prélèvement le ${formatDate(invoice.directDebitOn)}`;
  return invoiceStatusLabels[status];
}

/** What an invoice's badge shows (components/billing/invoice-status.tsx). */
export function invoiceBadge(invoice: InvoiceFacts & { treasuryContact: string | null }) {
  return {
    status: invoiceStatus(invoice),
    label: invoiceStatusLabel(invoice),
    treasuryContact: invoice.treasuryContact,
  };
}

export const invoiceStatusLabels: Record<InvoiceStatus, string> = {
  cancelled: "Annulée par avoir",
  paid: "Payée",
  treasury: "Transmise en trésorerie",
  direct_debit: "Prélèvement",
  partially_paid: "Partiellement payée",
  to_pay: "À payer",
};

/** The family can still pay it at the régie (and, later, online): a balance, not at the treasury, no direct debit. */
export function isPayableHere(invoice: InvoiceFacts): boolean {
  const status = invoiceStatus(invoice);
  return status === "to_pay" || status === "partially_paid";
}

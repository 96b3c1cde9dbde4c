import type { PaymentMethod } from "@/db/schema";
import { formatEuros } from "@/lib/format";

/*
 * How a payment is split over a household's invoices: pure rules, shared by the agent's form (to prefill and
 * check as the agent types) and by recordPayment (which checks again under the invoices' row locks).
 */

/** The part of a payment that settles one invoice. */
export type Allocation = { invoiceId: string; amountCents: number };

/** An invoice a payment may go to, with what is still due on it. */
export type OpenInvoice = { id: string; reference: string; issuedOn: string; dueOn: string; balanceCents: number };

/**
 * Spreads `amountCents` over the invoices, the oldest due date first (then the oldest issued, then by number),
 * each up to its balance. What is left once every balance is covered is `unallocatedCents`.
 */
export function allocateOldestDueFirst(
  amountCents: number,
  invoices: readonly OpenInvoice[],
): { allocations: Allocation[]; unallocatedCents: number } {
  const ordered = [...invoices].sort(
    (a, b) =>
      a.dueOn.localeCompare(b.dueOn) || a.issuedOn.localeCompare(b.issuedOn) || a.reference.localeCompare(b.reference),
  );
  const allocations: Allocation[] = [];
  let left = Math.max(0, Math.trunc(amountCents));
  for (const invoice of ordered) {
    if (left === 0) break;
    const part = Math.min(left, invoice.balanceCents);
    if (part <= 0) continue;
    allocations.push({ invoiceId: invoice.id, amountCents: part });
    left -= part;
  }
  return { allocations, unallocatedCents: left };
}

/** What is wrong with a split, before looking at the invoices themselves. */
export type SplitProblem =
  | { code: "amount_not_positive" }
  | { code: "no_allocation" }
  | { code: "allocation_not_positive"; invoiceId: string }
  | { code: "duplicate_invoice"; invoiceId: string }
  | { code: "total_mismatch"; allocatedCents: number; amountCents: number };

/** The largest amount the portal takes in one payment (10 million euros): beyond it is a typing mistake. */
export const MAX_PAYMENT_CENTS = 1_000_000_000;

const isWholeCents = (n: number) => Number.isSafeInteger(n) && n > 0 && n <= MAX_PAYMENT_CENTS;

/**
 * A payment of `amountCents` split into `allocations`: each part a positive whole number of cents, each invoice
 * once, and the parts adding up to the amount exactly. Null when the split holds.
 */
export function checkSplit(amountCents: number, allocations: readonly Allocation[]): SplitProblem | null {
  if (!isWholeCents(amountCents)) return { code: "amount_not_positive" };
  if (allocations.length === 0) return { code: "no_allocation" };
  const seen = new Set<string>();
  let allocatedCents = 0;
  for (const allocation of allocations) {
    if (!isWholeCents(allocation.amountCents))
      return { code: "allocation_not_positive", invoiceId: allocation.invoiceId };
    if (seen.has(allocation.invoiceId)) return { code: "duplicate_invoice", invoiceId: allocation.invoiceId };
    seen.add(allocation.invoiceId);
    allocatedCents += allocation.amountCents;
  }
  return allocatedCents === amountCents ? null : { code: "total_mismatch", allocatedCents, amountCents };
}

export function splitProblemMessage(problem: SplitProblem): string {
  switch (problem.code) {
    case "amount_not_positive":
      return "Le montant du règlement doit être supérieur à 0,00 €.";
    case "no_allocation":
      return "Cochez au moins une facture à régler.";
    case "allocation_not_positive":
      return "Le montant affecté à chaque facture cochée doit être supérieur à 0,00 €.";
    case "duplicate_invoice":
      return "Une facture ne peut être réglée qu'une fois par règlement.";
    case "total_mismatch":
      return `Le total affecté aux factures (${formatEuros(problem.allocatedCents)}) doit être égal au montant du règlement (${formatEuros(problem.amountCents)}).`;
  }
}

/** The means of payment as the family and the agents read them (guide 004: "Moyen de paiement"). */
export const PAYMENT_METHOD_LABELS: Record<PaymentMethod, string> = {
  card_online: "Carte bancaire",
  cheque: "Chèque",
  cash: "Espèces",
  direct_debit: "Prélèvement",
  cesu: "CESU",
  transfer: "Virement",
};

/** The means an agent records at the counter (card_online comes from PayFiP, direct_debit from the bank). */
export const COUNTER_PAYMENT_METHODS = [
  "cheque",
  "cash",
  "cesu",
  "transfer",
] as const satisfies readonly PaymentMethod[];
export type CounterPaymentMethod = (typeof COUNTER_PAYMENT_METHODS)[number];

/** The payment's description as printed under the invoice: "Chèque n° 1234567", or what the agent typed. */
export function counterPaymentDescription(method: CounterPaymentMethod, typed: string): string {
  const text = typed.trim();
  if (method === "cheque") return text ? `Chèque n° ${text.replace(/^n°\s*/i, "")}` : "Chèque";
  if (!text) return PAYMENT_METHOD_LABELS[method];
  return text.toLowerCase().startsWith(PAYMENT_METHOD_LABELS[method].toLowerCase())
    ? text
    : `${PAYMENT_METHOD_LABELS[method]} - ${text}`;
}

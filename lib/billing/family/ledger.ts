/*
 * Mes opérations: a household's ledger. Invoices are debits; live payments and credit notes are credits. The
 * running balance is what the household owes after each operation, computed oldest first whatever order the page
 * shows, so reversing the list never changes a figure.
 */

export type LedgerKind = "invoice" | "payment" | "credit_note";

export interface LedgerEntry {
  kind: LedgerKind;
  /** The row's id (an invoice, payment or credit note). */
  id: string;
  /** "yyyy-MM-dd": issue day of an invoice or credit note, the day a payment was received. */
  day: string;
  /** The invoice number, the N° opération, the avoir number. */
  reference: string;
  label: string;
  debitCents: number;
  creditCents: number;
  /** Tie-break within a day: the instant the row was written. */
  recordedAt: Date;
  /** The invoice an entry opens (its detail page); a payment may settle several. */
  invoiceId: string | null;
}

export type LedgerLine = LedgerEntry & { balanceCents: number };

/** Within a day, invoices first, then what settles them: a payment received on the day of issue ends at zero. */
const kindRank: Record<LedgerKind, number> = { invoice: 0, credit_note: 1, payment: 2 };

function chronological(a: LedgerEntry, b: LedgerEntry): number {
  if (a.day !== b.day) return a.day < b.day ? -1 : 1;
  if (a.kind !== b.kind) return kindRank[a.kind] - kindRank[b.kind];
  const at = a.recordedAt.getTime() - b.recordedAt.getTime();
  if (at !== 0) return at;
  return a.reference.localeCompare(b.reference);
}

/** The ledger with its running balance, oldest first ("asc") or newest first ("desc"). */
export function withRunningBalance(entries: readonly LedgerEntry[], order: "asc" | "desc"): LedgerLine[] {
  let balance = 0;
  const lines = [...entries].sort(chronological).map((entry) => {
    balance += entry.debitCents - entry.creditCents;
    return { ...entry, balanceCents: balance };
  });
  return order === "asc" ? lines : lines.reverse();
}

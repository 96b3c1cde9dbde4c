import "server-only";
import { and, asc, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { creditNotes, invoiceLines, invoices } from "@/db/schema";
import type { PrintedLine } from "./family/invoice-lines";

/*
 * The parts of one invoice that read the same for the agents and the families: its lines and its credit note.
 * The caller passes an invoice it has already found within its own access check (the agents' commune, a family's
 * subscribed household); these queries keep the commune in their WHERE clause all the same.
 */

/** The columns invoiceStatus (lib/billing/status.ts) reads: what is due, what is paid, and what became of it. */
export const invoiceStateColumns = {
  amountCents: invoices.amountCents,
  paidCents: invoices.paidCents,
  directDebitOn: invoices.directDebitOn,
  treasuryOn: invoices.treasuryOn,
  cancelledOn: invoices.cancelledOn,
};

export interface InvoiceCreditNote {
  reference: string;
  issuedOn: string;
  amountCents: number;
  reason: string;
}

/** The invoice's lines, by child, then activity, then month and kind. */
export async function loadInvoiceLines(
  db: Db,
  params: { communeId: string; invoiceId: string },
): Promise<PrintedLine[]> {
  return db
    .select({
      id: invoiceLines.id,
      childName: invoiceLines.childName,
      activityLabel: invoiceLines.activityLabel,
      month: invoiceLines.month,
      kind: invoiceLines.kind,
      quantity: invoiceLines.quantity,
      unitCents: invoiceLines.unitCents,
      amountCents: invoiceLines.amountCents,
      note: invoiceLines.note,
    })
    .from(invoiceLines)
    .where(and(eq(invoiceLines.invoiceId, params.invoiceId), eq(invoiceLines.communeId, params.communeId)))
    .orderBy(
      asc(invoiceLines.childName),
      asc(invoiceLines.activityLabel),
      asc(invoiceLines.month),
      asc(invoiceLines.kind),
    );
}

/** The avoir that cancelled the invoice, or null. */
export async function loadCreditNote(
  db: Db,
  params: { communeId: string; invoiceId: string },
): Promise<InvoiceCreditNote | null> {
  const [row] = await db
    .select({
      reference: creditNotes.reference,
      issuedOn: creditNotes.issuedOn,
      amountCents: creditNotes.amountCents,
      reason: creditNotes.reason,
    })
    .from(creditNotes)
    .where(and(eq(creditNotes.invoiceId, params.invoiceId), eq(creditNotes.communeId, params.communeId)));
  return row ?? null;
}

import "server-only";
import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { type CreditNote, creditNotes, invoices } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record";
import { todayInParis } from "@/lib/clock";
import { formatEuros } from "@/lib/format";
import { nextCreditNoteNumber } from "./numbers";

/*
 * An issued invoice is never edited: it is cancelled whole by a credit note (avoir) with its own "AV" number and a
 * reason. Its lines then no longer count as billed, so the next monthly run bills their days again as
 * régularisation when they are still due.
 */

export const PAID_INVOICE_MESSAGE = "Annulez d'abord les règlements de cette facture.";

export type CreditNoteResult =
  | { ok: true; creditNote: CreditNote; alreadyCancelled: boolean; message: string }
  | { ok: false; refusal: { code: "not_found" | "paid" | "reason_missing"; message: string } };

/**
 * Cancels an invoice of this commune by a credit note of its full amount, issued today. Refused while a live
 * payment is allocated to it (paidCents > 0); a second call finds it cancelled and writes nothing.
 */
export async function cancelInvoiceByCreditNote(
  db: Db,
  params: { communeId: string; invoiceId: string; reason: string; userId: string },
): Promise<CreditNoteResult> {
  const reason = params.reason.trim();
  if (!reason) return { ok: false, refusal: { code: "reason_missing", message: "Indiquez le motif de l'avoir." } };
  return db.transaction(async (tx): Promise<CreditNoteResult> => {
    const ofCommune = and(eq(invoices.id, params.invoiceId), eq(invoices.communeId, params.communeId));
    const [invoice] = await tx.select().from(invoices).where(ofCommune).for("update");
    if (!invoice) return { ok: false, refusal: { code: "not_found", message: "Facture introuvable." } };
    if (invoice.cancelledOn) {
      const [existing] = await tx
        .select()
        .from(creditNotes)
        .where(and(eq(creditNotes.invoiceId, invoice.id), eq(creditNotes.communeId, params.communeId)));
      if (!existing) throw new Error(`invoice ${invoice.id} is cancelled without a credit note`);
      return {
        ok: true,
        creditNote: existing,
        alreadyCancelled: true,
        message: `La facture ${invoice.reference} est déjà annulée par l'avoir ${existing.reference}.`,
      };
    }
    if (invoice.paidCents > 0) return { ok: false, refusal: { code: "paid", message: PAID_INVOICE_MESSAGE } };

    const today = todayInParis();
    const reference = await nextCreditNoteNumber(tx, { communeId: params.communeId, year: Number(today.slice(0, 4)) });
    const [creditNote] = await tx
      .insert(creditNotes)
      .values({
        communeId: params.communeId,
        householdId: invoice.householdId,
        invoiceId: invoice.id,
        reference,
        issuedOn: today,
        amountCents: invoice.amountCents,
        reason,
        createdByUserId: params.userId,
      })
      .returning();
    await tx.update(invoices).set({ cancelledOn: today }).where(ofCommune);
    await recordAudit(tx, {
      communeId: params.communeId,
      actorUserId: params.userId,
      action: "invoice.credit_note",
      targetType: "invoice",
      targetId: invoice.id,
      details: {
        householdId: invoice.householdId,
        invoiceReference: invoice.reference,
        summary: `Facture ${invoice.reference} (${formatEuros(invoice.amountCents)}) annulée par l'avoir ${reference} : ${reason}`,
      },
    });
    return {
      ok: true,
      creditNote: creditNote!,
      alreadyCancelled: false,
      message: `La facture ${invoice.reference} est annulée par l'avoir ${reference}.`,
    };
  });
}

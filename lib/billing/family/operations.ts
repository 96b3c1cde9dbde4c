import "server-only";
import { and, asc, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { creditNotes, invoices, type PaymentMethod, paymentAllocations, payments, subscriptions } from "@/db/schema";
import { formatEuros } from "@/lib/format";
import { PAYMENT_METHOD_LABELS } from "../allocation";
import { paymentTypeLabels } from "./labels";
import { type LedgerEntry, type LedgerLine, withRunningBalance } from "./ledger";
import { type FamilyBillingScope, subscribedBy } from "./scope";

/*
 * Mes opérations and Mes règlements: the chosen household's money, in three queries (invoices, payments with their
 * allocations, credit notes), each joined to the account's subscription.
 */

export interface FamilyPayment {
  id: string;
  operationNumber: string;
  method: PaymentMethod;
  /** "Chèque", "Carte bancaire en ligne"… */
  typeLabel: string;
  receivedOn: string;
  description: string;
  amountCents: number;
  /** The invoices it settled, with the part of the payment each got. */
  invoices: { id: string; reference: string; amountCents: number }[];
  /** Cancelled (a rejected cheque…): shown as "Annulé" with the town's reason; it no longer counts. */
  cancelled: { on: Date; reason: string } | null;
  /** When the town recorded it (orders payments received the same day). */
  recordedAt: Date;
}

/** Mes règlements: every payment of the household, newest first, the cancelled ones too (marked as such). */
export async function listFamilyPayments(db: Db, params: FamilyBillingScope): Promise<FamilyPayment[]> {
  const { communeId, householdId } = params;
  const rows = await db
    .select({
      id: payments.id,
      operationNumber: payments.operationNumber,
      method: payments.method,
      receivedOn: payments.receivedOn,
      description: payments.description,
      amountCents: payments.amountCents,
      cancelledAt: payments.cancelledAt,
      cancelReason: payments.cancelReason,
      createdAt: payments.createdAt,
      invoiceId: paymentAllocations.invoiceId,
      invoiceReference: invoices.reference,
      allocatedCents: paymentAllocations.amountCents,
    })
    .from(payments)
    .innerJoin(subscriptions, subscribedBy(payments.householdId, params))
    .leftJoin(
      paymentAllocations,
      and(eq(paymentAllocations.paymentId, payments.id), eq(paymentAllocations.communeId, communeId)),
    )
    .leftJoin(invoices, and(eq(invoices.id, paymentAllocations.invoiceId), eq(invoices.communeId, communeId)))
    .where(and(eq(payments.communeId, communeId), eq(payments.householdId, householdId)))
    .orderBy(asc(payments.receivedOn), asc(payments.createdAt), asc(payments.id), asc(invoices.reference));
  const byId = new Map<string, FamilyPayment>();
  for (const row of rows) {
    let payment = byId.get(row.id);
    if (!payment) {
      payment = {
        id: row.id,
        operationNumber: row.operationNumber,
        method: row.method,
        typeLabel: paymentTypeLabels[row.method],
        receivedOn: row.receivedOn,
        description: row.description,
        amountCents: row.amountCents,
        invoices: [],
        cancelled: row.cancelledAt ? { on: row.cancelledAt, reason: row.cancelReason ?? "" } : null,
        recordedAt: row.createdAt,
      };
      byId.set(row.id, payment);
    }
    if (row.invoiceId && row.invoiceReference && row.allocatedCents !== null)
      payment.invoices.push({ id: row.invoiceId, reference: row.invoiceReference, amountCents: row.allocatedCents });
  }
  return [...byId.values()].reverse();
}

/**
 * Mes opérations: every invoice (debit), live payment and credit note (credit) of the household with the running
 * balance, newest first unless `order` is "asc". A cancelled payment is left out (it no longer counts; Mes
 * règlements shows it with its reason); a cancelled invoice stays, balanced by its credit note.
 */
export async function listFamilyOperations(
  db: Db,
  params: FamilyBillingScope & { order: "asc" | "desc" },
): Promise<LedgerLine[]> {
  const { communeId, householdId } = params;
  const [invoiceRows, paymentRows, creditRows] = await Promise.all([
    db
      .select({
        id: invoices.id,
        reference: invoices.reference,
        issuer: invoices.issuer,
        issuedOn: invoices.issuedOn,
        dueOn: invoices.dueOn,
        amountCents: invoices.amountCents,
        createdAt: invoices.createdAt,
      })
      .from(invoices)
      .innerJoin(subscriptions, subscribedBy(invoices.householdId, params))
      .where(and(eq(invoices.communeId, communeId), eq(invoices.householdId, householdId))),
    listFamilyPayments(db, params),
    db
      .select({
        id: creditNotes.id,
        reference: creditNotes.reference,
        issuedOn: creditNotes.issuedOn,
        amountCents: creditNotes.amountCents,
        createdAt: creditNotes.createdAt,
        invoiceId: creditNotes.invoiceId,
        invoiceReference: invoices.reference,
      })
      .from(creditNotes)
      .innerJoin(subscriptions, subscribedBy(creditNotes.householdId, params))
      .innerJoin(invoices, and(eq(invoices.id, creditNotes.invoiceId), eq(invoices.communeId, communeId)))
      .where(and(eq(creditNotes.communeId, communeId), eq(creditNotes.householdId, householdId))),
  ]);
  const entries: LedgerEntry[] = [
    ...invoiceRows.map((invoice) => ({
      kind: "invoice" as const,
      id: invoice.id,
      day: invoice.issuedOn,
      reference: invoice.reference,
      label: `Facture n° ${invoice.reference} (${invoice.issuer})`,
      debitCents: invoice.amountCents,
      creditCents: 0,
      recordedAt: invoice.createdAt,
      invoiceId: invoice.id,
    })),
    ...paymentRows
      .filter((payment) => !payment.cancelled)
      .map((payment) => ({
        kind: "payment" as const,
        id: payment.id,
        day: payment.receivedOn,
        reference: payment.operationNumber,
        label: `Règlement ${PAYMENT_METHOD_LABELS[payment.method].toLocaleLowerCase("fr-FR")} – ${settledText(payment)}`,
        debitCents: 0,
        creditCents: payment.amountCents,
        recordedAt: payment.recordedAt,
        invoiceId: payment.invoices.length === 1 ? payment.invoices[0]!.id : null,
      })),
    ...creditRows.map((credit) => ({
      kind: "credit_note" as const,
      id: credit.id,
      day: credit.issuedOn,
      reference: credit.reference,
      label: `Avoir n° ${credit.reference} (annule la facture n° ${credit.invoiceReference})`,
      debitCents: 0,
      creditCents: credit.amountCents,
      recordedAt: credit.createdAt,
      invoiceId: credit.invoiceId,
    })),
  ];
  return withRunningBalance(entries, params.order);
}

/** "facture n° F2027-000001" or "factures n° F2027-000001 (20,00 €), F2027-000002 (10,00 €)". */
function settledText(payment: FamilyPayment): string {
  if (payment.invoices.length === 1) return `facture n° ${payment.invoices[0]!.reference}`;
  return `factures n° ${payment.invoices.map((i) => `${i.reference} (${formatEuros(i.amountCents)})`).join(", ")}`;
}

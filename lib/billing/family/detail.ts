import "server-only";
import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { guardians, households, invoices, type Role, regies, subscriptions } from "@/db/schema";
import { type InvoiceCreditNote, invoiceStateColumns, loadCreditNote, loadInvoiceLines } from "../invoice-parts";
import type { PrintedLine } from "./invoice-lines";
import { type InvoiceSettlement, listSettlements } from "./invoices";

/*
 * One invoice, whole: what its detail page and its PDF show. A family account sees the invoices of the households
 * it is subscribed to in this commune, the commune's staff every invoice of the commune; anyone else, and any id
 * from elsewhere, gets null (the same "not found").
 */

/** The signed-in account (its commune must be the one read: a session of another commune sees nothing). */
export interface InvoiceViewer {
  id: string;
  communeId: string;
  role: Role;
}

export interface InvoiceDetail {
  id: string;
  householdId: string;
  householdName: string;
  reference: string;
  emissionCode: string;
  issuer: string;
  issuedOn: string;
  dueOn: string;
  period: string | null;
  amountCents: number;
  paidCents: number;
  directDebitOn: string | null;
  treasuryOn: string | null;
  cancelledOn: string | null;
  payerName: string | null;
  payerAddress: string | null;
  /** The payer's "code personnel", printed in the footer (it subscribes with the invoice). */
  personalCode: string | null;
  paymentInstructions: string | null;
  treasuryContact: string | null;
  /** The régie's PayFiP client number: without one, nothing is paid online. */
  payfipClientNumber: string | null;
  lines: PrintedLine[];
  creditNote: InvoiceCreditNote | null;
  settlements: InvoiceSettlement[];
}

export async function findViewableInvoice(
  db: Db,
  params: { communeId: string; viewer: InvoiceViewer; invoiceId: string },
): Promise<InvoiceDetail | null> {
  const { communeId, viewer, invoiceId } = params;
  const isStaff = viewer.role === "agent" || viewer.role === "admin";
  if (viewer.communeId !== communeId || (!isStaff && viewer.role !== "family")) return null;
  const base = db
    .select({
      id: invoices.id,
      householdId: invoices.householdId,
      householdName: households.name,
      reference: invoices.reference,
      emissionCode: invoices.emissionCode,
      issuer: invoices.issuer,
      issuedOn: invoices.issuedOn,
      dueOn: invoices.dueOn,
      period: invoices.period,
      ...invoiceStateColumns,
      payerName: invoices.payerName,
      payerAddress: invoices.payerAddress,
      personalCode: guardians.personalCode,
      paymentInstructions: regies.paymentInstructions,
      treasuryContact: regies.treasuryContact,
      payfipClientNumber: regies.payfipClientNumber,
    })
    .from(invoices)
    .innerJoin(households, and(eq(households.id, invoices.householdId), eq(households.communeId, communeId)))
    .leftJoin(regies, and(eq(regies.id, invoices.regieId), eq(regies.communeId, communeId)))
    .leftJoin(guardians, and(eq(guardians.id, invoices.payerGuardianId), eq(guardians.communeId, communeId)))
    .$dynamic();
  const scoped = isStaff
    ? base
    : base.innerJoin(
        subscriptions,
        and(
          eq(subscriptions.householdId, invoices.householdId),
          eq(subscriptions.userId, viewer.id),
          eq(subscriptions.communeId, communeId),
        ),
      );
  const [row] = await scoped.where(and(eq(invoices.id, invoiceId), eq(invoices.communeId, communeId))).limit(1);
  if (!row) return null;
  const parts = { communeId, invoiceId: row.id };
  const [lines, creditNote, settlements] = await Promise.all([
    loadInvoiceLines(db, parts),
    loadCreditNote(db, parts),
    listSettlements(db, { communeId, householdId: row.householdId, invoiceIds: [row.id] }),
  ]);
  return {
    ...row,
    paymentInstructions: row.paymentInstructions || null,
    treasuryContact: row.treasuryContact || null,
    creditNote,
    lines,
    settlements: settlements.get(row.id) ?? [],
  };
}

import "server-only";
import { and, asc, desc, eq, exists, gt, gte, inArray, isNull, lte, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import {
  invoiceLines,
  invoiceNatures,
  invoices,
  type PaymentMethod,
  paymentAllocations,
  payments,
  regies,
  subscriptions,
} from "@/db/schema";
import { preparedPerDatabase } from "@/lib/database/prepared";
import { invoiceStateColumns } from "../invoice-parts";
import { type FamilyBillingScope, subscribedBy } from "./scope";

/*
 * Mes factures: the chosen household's invoices with their live règlements, in two queries whatever their number
 * (the invoices, then every live allocation of those invoices).
 */

export interface InvoiceFilters {
  /** Only invoices with a line of this nature. */
  natureId?: string;
  /** Only invoices issued this year. */
  year?: number;
  /** "Factures à payer": a balance, not cancelled, not at the treasury. */
  toPay?: boolean;
}

export interface InvoiceSettlement {
  paymentId: string;
  receivedOn: string;
  operationNumber: string;
  description: string;
  method: PaymentMethod;
  /** The part of the payment that went to this invoice. */
  amountCents: number;
}

export interface FamilyInvoice {
  id: string;
  reference: string;
  emissionCode: string;
  issuer: string;
  issuedOn: string;
  dueOn: string;
  amountCents: number;
  paidCents: number;
  directDebitOn: string | null;
  treasuryOn: string | null;
  cancelledOn: string | null;
  /** Where an invoice transmitted to the treasury is paid (the régie's treasury contact). */
  treasuryContact: string | null;
  /** The régie's PayFiP client number: without one, nothing is paid online. */
  payfipClientNumber: string | null;
  settlements: InvoiceSettlement[];
}

export async function listFamilyInvoices(
  db: Db,
  params: FamilyBillingScope & InvoiceFilters,
): Promise<FamilyInvoice[]> {
  const { communeId, householdId, natureId, year, toPay } = params;
  const rows = await db
    .select({
      id: invoices.id,
      reference: invoices.reference,
      emissionCode: invoices.emissionCode,
      issuer: invoices.issuer,
      issuedOn: invoices.issuedOn,
      dueOn: invoices.dueOn,
      ...invoiceStateColumns,
      treasuryContact: regies.treasuryContact,
      payfipClientNumber: regies.payfipClientNumber,
    })
    .from(invoices)
    .innerJoin(subscriptions, subscribedBy(invoices.householdId, params))
    .leftJoin(regies, and(eq(regies.id, invoices.regieId), eq(regies.communeId, communeId)))
    .where(
      and(
        eq(invoices.communeId, communeId),
        eq(invoices.householdId, householdId),
        natureId
          ? exists(
              db
                .select({ one: sql`1` })
                .from(invoiceLines)
                .where(
                  and(
                    eq(invoiceLines.invoiceId, invoices.id),
                    eq(invoiceLines.communeId, communeId),
                    eq(invoiceLines.natureId, natureId),
                  ),
                ),
            )
          : undefined,
        year ? gte(invoices.issuedOn, `${year}-01-01`) : undefined,
        year ? lte(invoices.issuedOn, `${year}-12-31`) : undefined,
        toPay
          ? and(isNull(invoices.cancelledOn), isNull(invoices.treasuryOn), gt(invoices.amountCents, invoices.paidCents))
          : undefined,
      ),
    )
    .orderBy(desc(invoices.issuedOn), desc(invoices.reference));
  const settlements = await listSettlements(db, {
    communeId,
    householdId,
    invoiceIds: rows.map((r) => r.id),
  });
  return rows.map((row) => ({
    ...row,
    treasuryContact: row.treasuryContact || null,
    settlements: settlements.get(row.id) ?? [],
  }));
}

/** The live allocations to these invoices (of this household), oldest first, by invoice. */
export async function listSettlements(
  db: Db,
  params: { communeId: string; householdId: string; invoiceIds: readonly string[] },
): Promise<Map<string, InvoiceSettlement[]>> {
  const byInvoice = new Map<string, InvoiceSettlement[]>();
  if (params.invoiceIds.length === 0) return byInvoice;
  const rows = await db
    .select({
      invoiceId: paymentAllocations.invoiceId,
      paymentId: payments.id,
      receivedOn: payments.receivedOn,
      operationNumber: payments.operationNumber,
      description: payments.description,
      method: payments.method,
      amountCents: paymentAllocations.amountCents,
    })
    .from(paymentAllocations)
    .innerJoin(
      payments,
      and(eq(payments.id, paymentAllocations.paymentId), eq(payments.communeId, paymentAllocations.communeId)),
    )
    .where(
      and(
        eq(paymentAllocations.communeId, params.communeId),
        eq(paymentAllocations.householdId, params.householdId),
        inArray(paymentAllocations.invoiceId, [...params.invoiceIds]),
        isNull(payments.cancelledAt),
      ),
    )
    .orderBy(asc(payments.receivedOn), asc(payments.operationNumber));
  for (const { invoiceId, ...settlement } of rows)
    byInvoice.set(invoiceId, [...(byInvoice.get(invoiceId) ?? []), settlement]);
  return byInvoice;
}

const invoiceYear = sql<number>`extract(year from ${invoices.issuedOn})::int`;

// The filters' two reads, built once (lib/database/prepared.ts): Mes factures makes them on every view.
const communeNatures = preparedPerDatabase((db) =>
  db
    .select({ id: invoiceNatures.id, label: invoiceNatures.label })
    .from(invoiceNatures)
    .where(eq(invoiceNatures.communeId, sql.placeholder("communeId")))
    .orderBy(asc(invoiceNatures.label))
    .prepare("commune_invoice_natures"),
);

const householdInvoiceYears = preparedPerDatabase((db) => {
  const scope = { communeId: sql.placeholder("communeId"), userId: sql.placeholder("userId") };
  return db
    .selectDistinct({ year: invoiceYear })
    .from(invoices)
    .innerJoin(subscriptions, subscribedBy(invoices.householdId, scope))
    .where(
      and(
        eq(invoices.communeId, sql.placeholder("communeId")),
        eq(invoices.householdId, sql.placeholder("householdId")),
      ),
    )
    .orderBy(desc(invoiceYear))
    .prepare("household_invoice_years");
});

/** The filters' choices: the commune's natures and the years the household has invoices in (newest first). */
export async function listInvoiceFilterChoices(
  db: Db,
  params: FamilyBillingScope,
): Promise<{ natures: { id: string; label: string }[]; years: number[] }> {
  const [natures, years] = await Promise.all([
    communeNatures(db).execute({ communeId: params.communeId }),
    householdInvoiceYears(db).execute({
      communeId: params.communeId,
      userId: params.userId,
      householdId: params.householdId,
    }),
  ]);
  return { natures, years: years.map((y) => Number(y.year)) };
}

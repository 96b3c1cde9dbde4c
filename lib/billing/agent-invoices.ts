import "server-only";
import { and, asc, count, desc, eq, gt, ilike, inArray, isNotNull, isNull, lt, or, type SQL, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { households, invoices, paymentAllocations, payments, users } from "@/db/schema";
import { invoiceStateColumns, loadCreditNote, loadInvoiceLines } from "./invoice-parts";
import type { InvoiceStatus } from "./status";

/*
 * What the agents read of the commune's invoices: the paged list, one invoice with its lines, payments and credit
 * note, a household's open invoices (to record a payment) and its balance. Every query is scoped by the commune.
 */

export const AGENT_INVOICES_PER_PAGE = 20;
/** The most invoices a search counts (and pages through): a narrower search finds the others. */
export const AGENT_INVOICES_COUNT_LIMIT = 10_000;

/** The "État" filter of the list: a derived status, "open" (something still due) or all. */
export type InvoiceStatusFilter = InvoiceStatus | "open" | "all";

const live = isNull(invoices.cancelledOn);
const unpaid = lt(invoices.paidCents, invoices.amountCents);

/** The SQL twin of invoiceStatus (lib/billing/status.ts), for one status. */
function statusCondition(status: InvoiceStatusFilter): SQL | undefined {
  switch (status) {
    case "all":
      return undefined;
    case "cancelled":
      return isNotNull(invoices.cancelledOn);
    case "paid":
      return and(live, sql`${invoices.paidCents} >= ${invoices.amountCents}`);
    case "open":
      return and(live, unpaid);
    case "treasury":
      return and(live, unpaid, isNotNull(invoices.treasuryOn));
    case "direct_debit":
      return and(live, unpaid, isNull(invoices.treasuryOn), isNotNull(invoices.directDebitOn));
    case "partially_paid":
      return and(live, unpaid, isNull(invoices.treasuryOn), isNull(invoices.directDebitOn), gt(invoices.paidCents, 0));
    case "to_pay":
      return and(live, isNull(invoices.treasuryOn), isNull(invoices.directDebitOn), eq(invoices.paidCents, 0));
  }
}

/** `%` and `_` typed by the agent are searched literally. */
export const containing = (text: string) => `%${text.replace(/[\\%_]/g, "\\$&")}%`;

const invoiceFacts = {
  id: invoices.id,
  reference: invoices.reference,
  householdId: invoices.householdId,
  householdName: households.name,
  issuer: invoices.issuer,
  emissionCode: invoices.emissionCode,
  issuedOn: invoices.issuedOn,
  dueOn: invoices.dueOn,
  ...invoiceStateColumns,
};

/**
 * One page of the commune's invoices, the latest number first: by family name or invoice number (`query`), status, and
 * household (`householdId`, the household page's link). A page past the end shows the last one.
 */
export async function searchInvoices(
  db: Db,
  params: { communeId: string; query: string; status: InvoiceStatusFilter; householdId?: string; page: number },
) {
  const pattern = containing(params.query);
  // On invoices alone (the family name through a sub-select), so that counting needs no join.
  const where = and(
    eq(invoices.communeId, params.communeId),
    params.householdId ? eq(invoices.householdId, params.householdId) : undefined,
    params.query
      ? or(
          // Only a search with a digit may be a number: a name alone never scans every invoice's number.
          /\d/.test(params.query) ? ilike(invoices.reference, pattern) : undefined,
          inArray(
            invoices.householdId,
            db
              .select({ id: households.id })
              .from(households)
              .where(and(eq(households.communeId, params.communeId), ilike(households.name, pattern))),
          ),
        )
      : undefined,
    statusCondition(params.status),
  );
  // Counted up to a bound: past it the list says "plus de 10 000" rather than scan every invoice of the commune.
  const counted = db
    .select({ one: sql`1` })
    .from(invoices)
    .where(where)
    .limit(AGENT_INVOICES_COUNT_LIMIT + 1)
    .as("counted");
  const [{ found }] = (await db.select({ found: count() }).from(counted)) as [{ found: number }];
  const total = Math.min(found, AGENT_INVOICES_COUNT_LIMIT);
  const pageCount = Math.max(1, Math.ceil(total / AGENT_INVOICES_PER_PAGE));
  const page = Math.min(Math.max(1, params.page), pageCount);
  const items = await db
    .select(invoiceFacts)
    .from(invoices)
    .innerJoin(households, and(eq(households.id, invoices.householdId), eq(households.communeId, params.communeId)))
    .where(where)
    // Numbers are given in order of issue within a commune ("F2027-000123"): the newest first, along the
    // commune's unique index on them rather than a sort of every invoice.
    .orderBy(desc(invoices.reference))
    .limit(AGENT_INVOICES_PER_PAGE)
    .offset((page - 1) * AGENT_INVOICES_PER_PAGE);
  return { total, totalIsBounded: found > AGENT_INVOICES_COUNT_LIMIT, page, pageCount, items };
}

/** The name of a household of this commune (the list's "famille" filter), or null. */
export async function findHouseholdName(db: Db, params: { communeId: string; householdId: string }) {
  const [row] = await db
    .select({ id: households.id, name: households.name })
    .from(households)
    .where(and(eq(households.id, params.householdId), eq(households.communeId, params.communeId)));
  return row ?? null;
}

/**
 * One invoice of this commune for the agents: its facts, its lines (by child, then activity, then month), the
 * payments allocated to it (live and cancelled, each with the other invoices it settled) and its credit note.
 * Null for an invoice of another commune.
 */
export async function findAgentInvoice(db: Db, params: { communeId: string; invoiceId: string }) {
  const [invoice] = await db
    .select({
      ...invoiceFacts,
      payerName: invoices.payerName,
      payerAddress: invoices.payerAddress,
      period: invoices.period,
    })
    .from(invoices)
    .innerJoin(households, and(eq(households.id, invoices.householdId), eq(households.communeId, params.communeId)))
    .where(and(eq(invoices.id, params.invoiceId), eq(invoices.communeId, params.communeId)));
  if (!invoice) return null;

  const scope = { communeId: params.communeId, invoiceId: invoice.id };
  const [lines, creditNote] = await Promise.all([loadInvoiceLines(db, scope), loadCreditNote(db, scope)]);

  const settled = await db
    .select({
      id: payments.id,
      operationNumber: payments.operationNumber,
      method: payments.method,
      receivedOn: payments.receivedOn,
      description: payments.description,
      amountCents: payments.amountCents,
      allocatedCents: paymentAllocations.amountCents,
      cancelledAt: payments.cancelledAt,
      cancelReason: payments.cancelReason,
      recordedBy: sql<
        string | null
      >`(select ${users.firstName} || ' ' || ${users.lastName} from ${users} where ${users.id} = ${payments.recordedByUserId})`,
    })
    .from(paymentAllocations)
    .innerJoin(payments, and(eq(payments.id, paymentAllocations.paymentId), eq(payments.communeId, params.communeId)))
    .where(and(eq(paymentAllocations.invoiceId, invoice.id), eq(paymentAllocations.communeId, params.communeId)))
    .orderBy(asc(payments.receivedOn), asc(payments.operationNumber));
  const others = settled.length
    ? await db
        .select({
          paymentId: paymentAllocations.paymentId,
          reference: invoices.reference,
          amountCents: paymentAllocations.amountCents,
        })
        .from(paymentAllocations)
        .innerJoin(
          invoices,
          and(eq(invoices.id, paymentAllocations.invoiceId), eq(invoices.communeId, params.communeId)),
        )
        .where(
          and(
            eq(paymentAllocations.communeId, params.communeId),
            inArray(
              paymentAllocations.paymentId,
              settled.map((p) => p.id),
            ),
            sql`${paymentAllocations.invoiceId} <> ${invoice.id}`,
          ),
        )
        .orderBy(asc(invoices.reference))
    : [];

  return {
    invoice,
    lines,
    payments: settled.map((payment) => ({
      ...payment,
      otherInvoices: others.filter((other) => other.paymentId === payment.id),
    })),
    creditNote,
  };
}

export type AgentInvoice = NonNullable<Awaited<ReturnType<typeof findAgentInvoice>>>;

/**
 * The invoices of a household of this commune that a counter payment may settle: a balance, not cancelled, not
 * at the treasury (a direct-debit one may still be paid before the debit), the oldest due first.
 */
export async function listOpenInvoicesOfHousehold(db: Db, params: { communeId: string; householdId: string }) {
  return db
    .select({
      id: invoices.id,
      reference: invoices.reference,
      issuer: invoices.issuer,
      issuedOn: invoices.issuedOn,
      dueOn: invoices.dueOn,
      ...invoiceStateColumns,
    })
    .from(invoices)
    .where(
      and(
        eq(invoices.communeId, params.communeId),
        eq(invoices.householdId, params.householdId),
        live,
        unpaid,
        isNull(invoices.treasuryOn),
      ),
    )
    .orderBy(asc(invoices.dueOn), asc(invoices.issuedOn), asc(invoices.reference));
}

/** What a household of this commune owes: payable here, and at the treasury; how many invoices in all. */
export async function householdBillingSummary(db: Db, params: { communeId: string; householdId: string }) {
  const [row] = await db
    .select({
      invoiceCount: sql<number>`count(*)::int`,
      openCount: sql<number>`(count(*) filter (where ${and(live, unpaid, isNull(invoices.treasuryOn))}))::int`,
      dueHereCents: sql<number>`coalesce(sum(${invoices.amountCents} - ${invoices.paidCents}) filter (where ${and(live, isNull(invoices.treasuryOn))}), 0)::int`,
      atTreasuryCents: sql<number>`coalesce(sum(${invoices.amountCents} - ${invoices.paidCents}) filter (where ${and(live, isNotNull(invoices.treasuryOn))}), 0)::int`,
    })
    .from(invoices)
    .where(and(eq(invoices.communeId, params.communeId), eq(invoices.householdId, params.householdId)));
  return row ?? { invoiceCount: 0, openCount: 0, dueHereCents: 0, atTreasuryCents: 0 };
}

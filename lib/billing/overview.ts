import "server-only";
import { and, asc, eq, isNull, lt, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { billingRuns, invoices, regies } from "@/db/schema";

/* The Facturation hub's figures, in two queries whatever the number of invoices and régies. */

export type BillingOverview = {
  /** Invoices the families can still pay at the régie: a balance, no direct debit, not at the treasury. */
  payable: { count: number; balanceCents: number; overdueCount: number };
  regies: {
    id: string;
    name: string;
    code: string;
    lastRun: {
      period: string;
      emissionCode: string;
      issuedOn: string;
      invoiceCount: number;
      totalCents: number;
    } | null;
  }[];
};

export async function billingOverview(db: Db, params: { communeId: string; today: string }): Promise<BillingOverview> {
  const [payableRows, regieRows] = await Promise.all([
    db
      .select({
        count: sql<number>`count(*)::int`,
        balanceCents: sql<number>`coalesce(sum(${invoices.amountCents} - ${invoices.paidCents}), 0)::int`,
        overdueCount: sql<number>`(count(*) filter (where ${invoices.dueOn} < ${params.today}::date))::int`,
      })
      .from(invoices)
      .where(
        and(
          eq(invoices.communeId, params.communeId),
          isNull(invoices.cancelledOn),
          isNull(invoices.treasuryOn),
          isNull(invoices.directDebitOn),
          lt(invoices.paidCents, invoices.amountCents),
        ),
      ),
    db
      .select({
        id: regies.id,
        name: regies.name,
        code: regies.code,
        period: billingRuns.period,
        emissionCode: billingRuns.emissionCode,
        issuedOn: billingRuns.issuedOn,
        invoiceCount: billingRuns.invoiceCount,
        totalCents: billingRuns.totalCents,
      })
      .from(regies)
      .leftJoin(
        billingRuns,
        and(
          eq(billingRuns.regieId, regies.id),
          eq(billingRuns.period, sql`(select max(r.period) from ${billingRuns} r where r.regie_id = ${regies.id})`),
        ),
      )
      .where(eq(regies.communeId, params.communeId))
      .orderBy(asc(regies.name), asc(regies.id)),
  ]);
  const payable = payableRows[0] ?? { count: 0, balanceCents: 0, overdueCount: 0 };
  return {
    payable,
    regies: regieRows.map((row) => ({
      id: row.id,
      name: row.name,
      code: row.code,
      lastRun:
        row.period && row.emissionCode && row.issuedOn
          ? {
              period: row.period,
              emissionCode: row.emissionCode,
              issuedOn: row.issuedOn,
              invoiceCount: row.invoiceCount ?? 0,
              totalCents: row.totalCents ?? 0,
            }
          : null,
    })),
  };
}

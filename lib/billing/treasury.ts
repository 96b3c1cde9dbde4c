import "server-only";
import { and, asc, eq, inArray, isNull, lt, type SQL, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { households, invoices, regies } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record";
import { todayInParis } from "@/lib/clock";
import type { IsoDay } from "@/lib/planning/days";

/*
 * Transmission en trésorerie: an invoice still unpaid some days after its due date goes to the public accountant,
 * who collects it from then on; it is no longer payable at the régie nor online. Direct-debit invoices are the
 * bank's business and never go there.
 */

/** The delay of an invoice imported without a régie: the régies' own default. */
const DEFAULT_TREASURY_DELAY_DAYS = 30;

/** The invoice's régie's delay after its due date, in days, looked up row by row (for the update of a few ids). */
const delayOfEachInvoice = sql<number>`coalesce((select ${regies.treasuryDelayDays} from ${regies} where ${regies.id} = ${invoices.regieId} and ${regies.communeId} = ${invoices.communeId}), ${DEFAULT_TREASURY_DELAY_DAYS})`;

/** The same from the régies joined to the invoices (for the list of every eligible invoice). */
const delayOfJoinedRegie = sql<number>`coalesce(${regies.treasuryDelayDays}, ${DEFAULT_TREASURY_DELAY_DAYS})`;

/**
 * An invoice of the commune that may be transmitted today: a balance, no direct debit, past due + the delay.
 * Even the longest delay has to have run out after the due date: a plain range on (commune, due date) first.
 */
function eligible(communeId: string, today: IsoDay, treasuryDelayDays: SQL<number>): SQL {
  return and(
    eq(invoices.communeId, communeId),
    isNull(invoices.cancelledOn),
    isNull(invoices.treasuryOn),
    isNull(invoices.directDebitOn),
    lt(invoices.paidCents, invoices.amountCents),
    lt(invoices.dueOn, today),
    sql`${invoices.dueOn} + ${treasuryDelayDays} < ${today}::date`,
  )!;
}

/** The most invoices the Trésorerie page lists at once (the oldest due first); transmit them, the next ones follow. */
export const TREASURY_PAGE_SIZE = 500;

/** The invoices that may be transmitted to the treasury today, the oldest due first, and how many there are. */
export async function listTreasuryEligible(db: Db, params: { communeId: string; today?: IsoDay; limit?: number }) {
  const where = eligible(params.communeId, params.today ?? todayInParis(), delayOfJoinedRegie);
  const regie = and(eq(regies.id, invoices.regieId), eq(regies.communeId, params.communeId));
  const [{ total }] = (await db
    .select({ total: sql<number>`count(*)::int` })
    .from(invoices)
    .leftJoin(regies, regie)
    .where(where)) as [{ total: number }];
  const rows = await db
    .select({
      id: invoices.id,
      reference: invoices.reference,
      householdId: invoices.householdId,
      householdName: households.name,
      issuer: invoices.issuer,
      issuedOn: invoices.issuedOn,
      dueOn: invoices.dueOn,
      amountCents: invoices.amountCents,
      paidCents: invoices.paidCents,
      delayDays: delayOfJoinedRegie,
    })
    .from(invoices)
    .leftJoin(regies, regie)
    .innerJoin(households, and(eq(households.id, invoices.householdId), eq(households.communeId, params.communeId)))
    .where(where)
    .orderBy(asc(invoices.dueOn), asc(invoices.reference))
    .limit(params.limit ?? TREASURY_PAGE_SIZE);
  return { total, rows };
}

/**
 * Marks the chosen invoices "transmise en trésorerie" today, in one statement: only those of this commune that
 * are eligible today (an id of another commune, a paid, cancelled, direct-debit or already transmitted invoice is
 * left as it is). Returns how many were transmitted.
 */
export async function transmitToTreasury(
  db: Db,
  params: { communeId: string; invoiceIds: readonly string[]; userId: string; today?: IsoDay },
): Promise<{ count: number; references: string[] }> {
  if (params.invoiceIds.length === 0) return { count: 0, references: [] };
  const today = params.today ?? todayInParis();
  return db.transaction(async (tx) => {
    const transmitted = await tx
      .update(invoices)
      .set({ treasuryOn: today })
      .where(and(inArray(invoices.id, [...params.invoiceIds]), eligible(params.communeId, today, delayOfEachInvoice)))
      .returning({ id: invoices.id, reference: invoices.reference });
    const references = transmitted.map((row) => row.reference).sort();
    if (transmitted.length > 0)
      await recordAudit(tx, {
        communeId: params.communeId,
        actorUserId: params.userId,
        action: "invoice.transmitted_to_treasury",
        targetType: "commune",
        targetId: params.communeId,
        details: {
          summary: `${references.length} facture(s) : ${references.slice(0, 20).join(", ")}${references.length > 20 ? "…" : ""}`,
        },
      });
    return { count: references.length, references };
  });
}

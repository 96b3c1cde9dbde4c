import "server-only";
import { and, count, desc, eq, gte, ilike, inArray, isNotNull, isNull, lt, or, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { households, invoices, type OnlinePayment, type OnlinePaymentState, onlinePayments } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record";
import { currentTime } from "@/lib/clock";
import { preparedPerDatabase } from "@/lib/database/prepared";
import { formatEuros } from "@/lib/format";
import { payfipRefdet } from "@/lib/payfip/messages";
import { addDays, type IsoDay, parisInstant } from "@/lib/planning/days";
import { containing } from "../agent-invoices";
import { invoiceStateColumns } from "../invoice-parts";
import type { InvoiceFacts } from "../status";
import { ONLINE_PAYMENT_FLAG_LABELS } from "./labels";

/*
 * What the family and the agents read of the online payment attempts. A family reads only its household's
 * attempts (commune and household in the WHERE clause), an agent those of the commune.
 */

export const ONLINE_PAYMENTS_PER_PAGE = 20;

/** Ids of attempts come from URLs and forms: anything else is "not found", never a database error. */
export const isAttemptId = (value: string) => z.uuid().safeParse(value).success;

/** An attempt with the invoice it pays, as the family's result page shows it. */
export type OnlinePaymentView = OnlinePayment & { invoice: { id: string; reference: string } & InvoiceFacts };

/** One of the household's attempts, or null (another household's, another commune's, or no such id). */
export async function findHouseholdOnlinePayment(
  db: Db,
  p: { communeId: string; householdId: string; attemptId: string },
): Promise<OnlinePaymentView | null> {
  if (!isAttemptId(p.attemptId)) return null;
  const [row] = await db
    .select({
      attempt: onlinePayments,
      invoice: { id: invoices.id, reference: invoices.reference, ...invoiceStateColumns },
    })
    .from(onlinePayments)
    .innerJoin(invoices, and(eq(invoices.id, onlinePayments.invoiceId), eq(invoices.communeId, p.communeId)))
    .where(
      and(
        eq(onlinePayments.id, p.attemptId),
        eq(onlinePayments.communeId, p.communeId),
        eq(onlinePayments.householdId, p.householdId),
      ),
    );
  return row ? { ...row.attempt, invoice: row.invoice } : null;
}

const householdOpenAttempts = preparedPerDatabase((db) =>
  db
    .select()
    .from(onlinePayments)
    .where(
      and(
        eq(onlinePayments.communeId, sql.placeholder("communeId")),
        eq(onlinePayments.householdId, sql.placeholder("householdId")),
        inArray(onlinePayments.state, ["opening", "open"]),
      ),
    )
    .prepare("household_open_online_payments"),
);

/**
 * The household's attempts still in progress, by invoice (one at most each): those invoices read "Paiement en cours
 * de confirmation", and "Payer en ligne" resumes them. A household has only a few at a time: all are read, with no
 * list of invoices to wait for, so Mes factures reads them beside its invoices (built once: it does on every view).
 */
export async function openAttemptsByInvoice(
  db: Db,
  p: { communeId: string; householdId: string },
): Promise<Map<string, OnlinePayment>> {
  const rows = await householdOpenAttempts(db).execute({ communeId: p.communeId, householdId: p.householdId });
  return new Map(rows.map((row) => [row.invoiceId, row]));
}

export type AgentOnlinePaymentRow = OnlinePayment & { householdName: string; invoiceReference: string };

const unresolvedFlag = and(isNotNull(onlinePayments.flag), isNull(onlinePayments.flagResolvedAt));

/**
 * A page of the commune's attempts for Espace agent › Paiements en ligne: by state, flagged (and not yet verified)
 * only, begun from / to a day (Paris), family name or invoice reference; the unverified flagged ones first, then
 * the newest. `total` counts every match.
 */
export async function listOnlinePayments(
  db: Db,
  p: {
    communeId: string;
    state?: OnlinePaymentState;
    flagged?: boolean;
    from?: IsoDay;
    to?: IsoDay;
    q?: string;
    page?: number;
  },
): Promise<{ rows: AgentOnlinePaymentRow[]; total: number }> {
  const q = p.q?.trim();
  // A reference is searched as PayFiP's refdet, kept on the attempt ("F2027-000123" and "F2027000123" both find
  // it); only a search with a digit may be one, so a name never scans every reference.
  const refdet = q && /\d/.test(q) ? payfipRefdet(q) : "";
  const where = and(
    eq(onlinePayments.communeId, p.communeId),
    p.state ? eq(onlinePayments.state, p.state) : undefined,
    p.flagged ? unresolvedFlag : undefined,
    p.from ? gte(onlinePayments.createdAt, parisInstant(p.from, "00:00")) : undefined,
    p.to ? lt(onlinePayments.createdAt, parisInstant(addDays(p.to, 1), "00:00")) : undefined,
    q
      ? or(
          refdet ? ilike(onlinePayments.refdet, containing(refdet)) : undefined,
          inArray(
            onlinePayments.householdId,
            db
              .select({ id: households.id })
              .from(households)
              .where(and(eq(households.communeId, p.communeId), ilike(households.name, containing(q)))),
          ),
        )
      : undefined,
  );
  const page = Math.max(1, Math.trunc(p.page ?? 1));
  const [rows, [counted]] = await Promise.all([
    db
      .select({ attempt: onlinePayments, householdName: households.name, invoiceReference: invoices.reference })
      .from(onlinePayments)
      .innerJoin(households, and(eq(households.id, onlinePayments.householdId), eq(households.communeId, p.communeId)))
      .innerJoin(invoices, and(eq(invoices.id, onlinePayments.invoiceId), eq(invoices.communeId, p.communeId)))
      .where(where)
      .orderBy(sql`(${unresolvedFlag}) desc`, desc(onlinePayments.createdAt), desc(onlinePayments.id))
      .limit(ONLINE_PAYMENTS_PER_PAGE)
      .offset((page - 1) * ONLINE_PAYMENTS_PER_PAGE),
    db.select({ total: count() }).from(onlinePayments).where(where),
  ]);
  return {
    rows: rows.map((r) => ({ ...r.attempt, householdName: r.householdName, invoiceReference: r.invoiceReference })),
    total: counted?.total ?? 0,
  };
}

/**
 * "Marquer comme vérifié": an agent has dealt with a flagged attempt (checked the amount, assigned or refunded the
 * payment). Audited. False when the attempt is not the commune's, has no flag, or was verified already.
 */
export async function resolveOnlinePaymentFlag(
  db: Db,
  p: { communeId: string; attemptId: string; userId: string },
): Promise<boolean> {
  if (!isAttemptId(p.attemptId)) return false;
  return db.transaction(async (tx) => {
    const [resolved] = await tx
      .update(onlinePayments)
      .set({ flagResolvedAt: currentTime(), flagResolvedByUserId: p.userId })
      .where(and(eq(onlinePayments.id, p.attemptId), eq(onlinePayments.communeId, p.communeId), unresolvedFlag))
      .returning();
    if (!resolved) return false;
    const [invoice] = await tx
      .select({ reference: invoices.reference })
      .from(invoices)
      .where(and(eq(invoices.id, resolved.invoiceId), eq(invoices.communeId, p.communeId)));
    await recordAudit(tx, {
      communeId: p.communeId,
      actorUserId: p.userId,
      action: "billing.online_payment_flag_resolved",
      targetType: "online_payment",
      targetId: resolved.id,
      details: {
        householdId: resolved.householdId,
        summary: `Facture ${invoice!.reference}, ${formatEuros(resolved.paidCents ?? resolved.amountCents)} : ${ONLINE_PAYMENT_FLAG_LABELS[resolved.flag!]}`,
      },
    });
    return true;
  });
}

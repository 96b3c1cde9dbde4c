import "server-only";
import { and, asc, eq, inArray, or, type SQL, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { type Invoice, invoices, type Payment, type PaymentMethod, paymentAllocations, payments } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record";
import { currentTime, todayInParis } from "@/lib/clock";
import { isUniqueViolation } from "@/lib/database/errors";
import { formatEuros } from "@/lib/format";
import { type Allocation, checkSplit, PAYMENT_METHOD_LABELS, splitProblemMessage } from "./allocation";
import { nextOperationNumber } from "./numbers";
import { balanceCents } from "./status";

/*
 * Règlements: money received for a household's invoices. Recording one writes the payment, its allocations and
 * the invoices' paidCents in one transaction, under the invoices' row locks; cancelling one (a rejected cheque)
 * gives the amounts back to the invoices in one transaction too. Nothing is deleted: a cancelled payment keeps its
 * allocations as history, and they no longer count.
 */

/** Why a payment was not recorded, with the sentence the agent reads. */
export type PaymentRefusal =
  | { code: "invalid_split"; message: string }
  | { code: "invoice_not_found"; invoiceId: string; message: string }
  | { code: "invoice_cancelled"; invoiceId: string; message: string }
  | { code: "invoice_at_treasury"; invoiceId: string; message: string }
  | { code: "above_balance"; invoiceId: string; balanceCents: number; message: string }
  | { code: "key_of_another_household"; message: string };

export type RecordedPayment = Payment & { allocations: Allocation[] };

export type RecordPaymentResult =
  | { ok: true; payment: RecordedPayment; alreadyRecorded: boolean }
  | { ok: false; refusal: PaymentRefusal };

export type RecordPaymentParams = {
  communeId: string;
  householdId: string;
  method: PaymentMethod;
  /** The day the money was received (the cheque handed in, the card payment made). */
  receivedOn: string;
  /** "Chèque n° 1234567", "Règlement en ligne - Transaction n° 3fe56d". */
  description: string;
  amountCents: number;
  allocations: readonly Allocation[];
  /** The form's key: the same key twice records one payment (a double click, a resubmitted form). */
  idempotencyKey?: string | null;
  /** The payment service's reference (PayFiP idOp): a notification received twice records one payment. */
  externalReference?: string | null;
  /** The agent who records it; null for a payment that comes from the payment service. */
  userId: string | null;
};

const INVOICE_NOT_FOUND = "Facture introuvable pour cette famille.";

/**
 * Records a payment of a household over some of its invoices (partial payments allowed). Refused, with nothing
 * written, when the split does not add up, when an invoice is not this household's in this commune, is cancelled
 * by a credit note or transmitted to the treasury, or when a part exceeds the invoice's balance as it stands
 * under its row lock (so two payments racing for the same balance cannot both pass). A second call with the
 * same idempotency key or external reference returns the first payment and records nothing.
 */
export async function recordPayment(db: Db, params: RecordPaymentParams): Promise<RecordPaymentResult> {
  const problem = checkSplit(params.amountCents, params.allocations);
  if (problem) return { ok: false, refusal: { code: "invalid_split", message: splitProblemMessage(problem) } };
  const earlier = await findSamePayment(db, params);
  if (earlier) return earlier;
  try {
    return await db.transaction(async (tx) => {
      const invoiceIds = params.allocations.map((a) => a.invoiceId);
      // Locked in the order of their ids, so that two payments over the same invoices never wait on each other.
      const locked = await tx
        .select()
        .from(invoices)
        .where(
          and(
            inArray(invoices.id, invoiceIds),
            eq(invoices.communeId, params.communeId),
            eq(invoices.householdId, params.householdId),
          ),
        )
        .orderBy(asc(invoices.id))
        .for("update");
      // A submission with the same key may have committed while this one waited for the locks.
      const committedMeanwhile = await findSamePayment(tx, params);
      if (committedMeanwhile) return committedMeanwhile;
      for (const allocation of params.allocations) {
        const refusal = refusalFor(
          locked.find((invoice) => invoice.id === allocation.invoiceId),
          allocation,
        );
        if (refusal) return { ok: false, refusal };
      }

      const operationNumber = await nextOperationNumber(tx, {
        communeId: params.communeId,
        year: Number(todayInParis().slice(0, 4)),
      });
      const [payment] = await tx
        .insert(payments)
        .values({
          communeId: params.communeId,
          householdId: params.householdId,
          operationNumber,
          method: params.method,
          receivedOn: params.receivedOn,
          description: params.description,
          amountCents: params.amountCents,
          idempotencyKey: params.idempotencyKey ?? null,
          externalReference: params.externalReference ?? null,
          recordedByUserId: params.userId,
        })
        .returning();
      await tx.insert(paymentAllocations).values(
        params.allocations.map((allocation) => ({
          paymentId: payment!.id,
          invoiceId: allocation.invoiceId,
          communeId: params.communeId,
          householdId: params.householdId,
          amountCents: allocation.amountCents,
        })),
      );
      for (const allocation of params.allocations)
        await tx
          .update(invoices)
          .set({ paidCents: sql`${invoices.paidCents} + ${allocation.amountCents}` })
          .where(and(eq(invoices.id, allocation.invoiceId), eq(invoices.communeId, params.communeId)));
      if (params.userId)
        await recordAudit(tx, {
          communeId: params.communeId,
          actorUserId: params.userId,
          action: "payment.recorded",
          targetType: "payment",
          targetId: payment!.id,
          details: {
            householdId: params.householdId,
            operationNumber,
            summary: `N° ${operationNumber} : ${PAYMENT_METHOD_LABELS[params.method]}, ${formatEuros(params.amountCents)}`,
            invoices: params.allocations.map((a) => ({
              reference: locked.find((invoice) => invoice.id === a.invoiceId)!.reference,
              amountCents: a.amountCents,
            })),
          },
        });
      return { ok: true, payment: { ...payment!, allocations: [...params.allocations] }, alreadyRecorded: false };
    });
  } catch (error) {
    // Two submissions of the same key, both past the checks: the database kept the first one.
    if (isUniqueViolation(error)) {
      const first = await findSamePayment(db, params);
      if (first) return first;
    }
    throw error;
  }
}

function refusalFor(invoice: Invoice | undefined, allocation: Allocation): PaymentRefusal | null {
  const { invoiceId } = allocation;
  if (!invoice) return { code: "invoice_not_found", invoiceId, message: INVOICE_NOT_FOUND };
  if (invoice.cancelledOn)
    return {
      code: "invoice_cancelled",
      invoiceId,
      message: `La facture ${invoice.reference} est annulée par un avoir : elle ne peut plus être réglée.`,
    };
  if (invoice.treasuryOn)
    return {
      code: "invoice_at_treasury",
      invoiceId,
      message: `La facture ${invoice.reference} est transmise en trésorerie : elle se règle auprès du comptable public.`,
    };
  const balance = balanceCents(invoice);
  if (allocation.amountCents > balance)
    return {
      code: "above_balance",
      invoiceId,
      balanceCents: balance,
      message:
        balance === 0
          ? `La facture ${invoice.reference} est déjà entièrement payée.`
          : `Le montant affecté à la facture ${invoice.reference} (${formatEuros(allocation.amountCents)}) dépasse son solde (${formatEuros(balance)}).`,
    };
  return null;
}

/** The payment already recorded under this key or external reference, as a repeated call's answer. */
async function findSamePayment(db: Db, params: RecordPaymentParams): Promise<RecordPaymentResult | null> {
  const keys: SQL[] = [];
  if (params.idempotencyKey) keys.push(eq(payments.idempotencyKey, params.idempotencyKey));
  if (params.externalReference) keys.push(eq(payments.externalReference, params.externalReference));
  if (keys.length === 0) return null;
  const [payment] = await db
    .select()
    .from(payments)
    .where(and(eq(payments.communeId, params.communeId), or(...keys)))
    .limit(1);
  if (!payment) return null;
  if (payment.householdId !== params.householdId)
    return {
      ok: false,
      refusal: {
        code: "key_of_another_household",
        message: "Ce formulaire a déjà servi pour une autre famille. Rechargez la page.",
      },
    };
  const allocations = await db
    .select({ invoiceId: paymentAllocations.invoiceId, amountCents: paymentAllocations.amountCents })
    .from(paymentAllocations)
    .where(and(eq(paymentAllocations.paymentId, payment.id), eq(paymentAllocations.communeId, params.communeId)))
    .orderBy(asc(paymentAllocations.invoiceId));
  return { ok: true, payment: { ...payment, allocations }, alreadyRecorded: true };
}

export type CancelPaymentResult =
  | { ok: true; payment: Payment; alreadyCancelled: boolean }
  | { ok: false; refusal: { code: "not_found" | "reason_missing"; message: string } };

/**
 * Cancels a payment (a rejected cheque…) with a reason: its allocations are given back to their invoices'
 * balances in the same transaction, and stay as history. Cancelling it again changes nothing.
 */
export async function cancelPayment(
  db: Db,
  params: { communeId: string; paymentId: string; reason: string; userId: string },
): Promise<CancelPaymentResult> {
  const reason = params.reason.trim();
  if (!reason) return { ok: false, refusal: { code: "reason_missing", message: "Indiquez le motif de l'annulation." } };
  return db.transaction(async (tx): Promise<CancelPaymentResult> => {
    const [payment] = await tx
      .select()
      .from(payments)
      .where(and(eq(payments.id, params.paymentId), eq(payments.communeId, params.communeId)))
      .for("update");
    if (!payment) return { ok: false, refusal: { code: "not_found", message: "Règlement introuvable." } };
    if (payment.cancelledAt) return { ok: true, payment, alreadyCancelled: true };

    const allocations = await tx
      .select({ invoiceId: paymentAllocations.invoiceId, amountCents: paymentAllocations.amountCents })
      .from(paymentAllocations)
      .where(and(eq(paymentAllocations.paymentId, payment.id), eq(paymentAllocations.communeId, params.communeId)))
      .orderBy(asc(paymentAllocations.invoiceId));
    if (allocations.length > 0)
      await tx
        .select({ id: invoices.id })
        .from(invoices)
        .where(
          and(
            inArray(
              invoices.id,
              allocations.map((a) => a.invoiceId),
            ),
            eq(invoices.communeId, params.communeId),
          ),
        )
        .orderBy(asc(invoices.id))
        .for("update");
    for (const allocation of allocations)
      await tx
        .update(invoices)
        .set({ paidCents: sql`${invoices.paidCents} - ${allocation.amountCents}` })
        .where(and(eq(invoices.id, allocation.invoiceId), eq(invoices.communeId, params.communeId)));
    const [cancelled] = await tx
      .update(payments)
      .set({ cancelledAt: currentTime(), cancelledByUserId: params.userId, cancelReason: reason })
      .where(and(eq(payments.id, payment.id), eq(payments.communeId, params.communeId)))
      .returning();
    await recordAudit(tx, {
      communeId: params.communeId,
      actorUserId: params.userId,
      action: "payment.cancelled",
      targetType: "payment",
      targetId: payment.id,
      details: {
        householdId: payment.householdId,
        operationNumber: payment.operationNumber,
        summary: `N° ${payment.operationNumber} (${formatEuros(payment.amountCents)}) : ${reason}`,
      },
    });
    return { ok: true, payment: cancelled!, alreadyCancelled: false };
  });
}

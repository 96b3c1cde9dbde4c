import "server-only";
import { and, eq, inArray, type SQL, sql } from "drizzle-orm";
import { createElement } from "react";
import type { Db } from "@/db/client";
import {
  communes,
  invoices,
  type OnlinePayment,
  type OnlinePaymentState,
  onlinePayments,
  regies,
  users,
} from "@/db/schema";
import OnlinePaymentReceipt, {
  type OnlinePaymentReceiptProps,
  onlinePaymentReceiptSubject,
} from "@/emails/online-payment-receipt";
import { currentTime } from "@/lib/clock";
import { mailCommune, mailCommuneColumns } from "@/lib/communes/mail-commune";
import { StaleMailError, transactionWithRenderedMail } from "@/lib/mail/prerendered";
import { greetingNameOf, UNNAMED_RECIPIENT } from "@/lib/mail/recipient";
import { enqueueRenderedMails } from "@/lib/mail/send-mail";
import type { PaymentDetail } from "@/lib/payfip/messages";
import { outcomeOf } from "@/lib/payfip/results";
import { parisDay } from "@/lib/planning/days";
import { routes } from "@/lib/routes/paths";
import { absoluteUrl } from "@/lib/urls";
import { recordPayment } from "../payments";
import { balanceCents } from "../status";
import { isAttemptId } from "./reads";
import { defaultPayfipServiceFor, type PayfipServiceFor, serviceErrorText } from "./service";

/*
 * Settling an attempt on what PayFiP itself answers (recupererDetailPaiementSecurise), never on the browser's return
 * nor on the notification's body. The notification, the family's return, the result page and the job all come
 * here, possibly at the same moment: the service is asked outside any transaction, then paying is one transaction
 * under the attempt's row lock (the règlement, the invoice's balance, the attempt and the receipt mail), so the
 * second caller finds the attempt settled and records nothing.
 */

/**
 * The states PayFiP may still turn into a payment. An expired attempt was only given up by us: a late
 * notification or return still asks the service, so a payment made after the hour is recorded, never lost
 * (flagged for the agent if the invoice was settled meanwhile).
 */
const CHECKABLE: readonly OnlinePaymentState[] = ["open", "expired"];
const checkable = (state: OnlinePaymentState) => CHECKABLE.includes(state);

/**
 * Asks PayFiP what became of an attempt (by our id or PayFiP's idOp) and records it: paid → a règlement, refused
 * or abandoned → closed, not known yet or the service unreachable → still open, with the error for the agents.
 * Null when there is no such attempt. An attempt already settled is returned as it is, without asking.
 */
export async function checkOnlinePayment(
  db: Db,
  params: { attemptId?: string; idOp?: string; serviceFor?: PayfipServiceFor; now?: Date },
): Promise<OnlinePayment | null> {
  const key = params.attemptId
    ? isAttemptId(params.attemptId)
      ? eq(onlinePayments.id, params.attemptId)
      : null
    : params.idOp
      ? eq(onlinePayments.idOp, params.idOp)
      : null;
  if (!key) return null;
  const [found] = await db
    .select({
      attempt: onlinePayments,
      regie: {
        payfipClientNumber: regies.payfipClientNumber,
        payfipMode: regies.payfipMode,
        payfipServiceUrl: regies.payfipServiceUrl,
      },
    })
    .from(onlinePayments)
    .innerJoin(regies, and(eq(regies.id, onlinePayments.regieId), eq(regies.communeId, onlinePayments.communeId)))
    .where(key);
  if (!found) return null;
  const { attempt, regie } = found;
  if (!attempt.idOp || !checkable(attempt.state)) return attempt;

  const now = params.now ?? new Date();
  let detail: PaymentDetail;
  try {
    detail = await (params.serviceFor ?? defaultPayfipServiceFor)(regie).paymentDetail(attempt.idOp);
  } catch (error) {
    // P5 (not known yet), P1 (unknown), or no answer: asked again later by the job, until the hour is over.
    return noteCheck(db, attempt, { lastError: serviceErrorText(error) }, now);
  }
  const outcome = outcomeOf(detail.resultCode);
  if (outcome === null) return noteCheck(db, attempt, { lastError: `Résultat inconnu : ${detail.resultCode}` }, now);
  if (outcome === "paid") return settlePaid(db, attempt, detail, now);
  return noteCheck(db, attempt, { state: outcome, resultCode: detail.resultCode, lastError: null, closedAt: now }, now);
}

/** Records a check on an attempt still checkable; if a concurrent check settled it first, returns that. */
async function noteCheck(
  db: Db,
  attempt: OnlinePayment,
  change: Partial<Pick<OnlinePayment, "state" | "resultCode" | "lastError" | "closedAt">>,
  now: Date,
): Promise<OnlinePayment> {
  const [noted] = await db
    .update(onlinePayments)
    .set({ ...change, checkCount: sql`${onlinePayments.checkCount} + 1`, lastCheckedAt: now })
    .where(and(sameAttempt(attempt), inArray(onlinePayments.state, [...CHECKABLE])))
    .returning();
  return noted ?? (await reload(db, attempt));
}

const sameAttempt = (attempt: OnlinePayment): SQL =>
  and(eq(onlinePayments.id, attempt.id), eq(onlinePayments.communeId, attempt.communeId))!;

async function reload(db: Db, attempt: OnlinePayment): Promise<OnlinePayment> {
  const [row] = await db.select().from(onlinePayments).where(sameAttempt(attempt));
  return row!;
}

/** The invoice's balance as it stands (read under its row lock inside the transaction). */
async function invoiceBalance(db: Db, attempt: OnlinePayment): Promise<number> {
  const [invoice] = await db
    .select({ amountCents: invoices.amountCents, paidCents: invoices.paidCents, cancelledOn: invoices.cancelledOn })
    .from(invoices)
    .where(and(eq(invoices.id, attempt.invoiceId), eq(invoices.communeId, attempt.communeId)));
  return balanceCents(invoice!);
}

/**
 * Paid: in one transaction under the attempt's row lock, the règlement "Règlement en ligne - Transaction n° …" of
 * the amount PayFiP says was paid (dated the Paris day of the payment), the attempt settled and flagged when the
 * amount differs or the invoice could not take it, and the receipt mail, rendered beforehand.
 */
async function settlePaid(db: Db, attempt: OnlinePayment, detail: PaymentDetail, now: Date): Promise<OnlinePayment> {
  const paidCents = detail.amountCents;
  const paidAt = detail.transactionAt ?? currentTime();
  const transactionNumber = detail.authorizationNumber ?? attempt.idOp!;
  const [context] = await db
    .select({
      commune: mailCommuneColumns,
      payer: { civility: users.civility, firstName: users.firstName, lastName: users.lastName },
      reference: invoices.reference,
      amountCents: invoices.amountCents,
      paidCents: invoices.paidCents,
      cancelledOn: invoices.cancelledOn,
    })
    .from(invoices)
    .innerJoin(communes, eq(communes.id, invoices.communeId))
    .innerJoin(onlinePayments, sameAttempt(attempt))
    .leftJoin(users, and(eq(users.id, onlinePayments.startedByUserId), eq(users.communeId, onlinePayments.communeId)))
    .where(and(eq(invoices.id, attempt.invoiceId), eq(invoices.communeId, attempt.communeId)));
  const { commune, reference, payer } = context!;
  // Rendered as if the payment goes through; the transaction renders again in the rare case it does not.
  const expected: OnlinePaymentReceiptProps = {
    commune: mailCommune(commune),
    // The account that paid; gone since (deleted), the mail still goes to the address it paid with.
    greetingName: payer ? greetingNameOf(payer) : UNNAMED_RECIPIENT,
    reference,
    amountCents: paidCents,
    paidAt,
    transactionNumber,
    balanceCents: balanceCents(context!) - paidCents,
    invoiceUrl: absoluteUrl(routes.billingInvoice(commune.slug, attempt.invoiceId)),
  };

  return transactionWithRenderedMail(
    db,
    expected,
    (props) => createElement(OnlinePaymentReceipt, props),
    async (tx, mail, props) => {
      const locked = (await tx.select().from(onlinePayments).where(sameAttempt(attempt)).for("update"))[0]!;
      // The other caller (notification or return) settled it while this one asked PayFiP.
      if (!checkable(locked.state)) return locked;
      const recorded = await recordPayment(tx, {
        communeId: attempt.communeId,
        householdId: attempt.householdId,
        method: "card_online",
        receivedOn: parisDay(paidAt),
        description: `Règlement en ligne - Transaction n° ${transactionNumber}`,
        amountCents: paidCents,
        allocations: [{ invoiceId: attempt.invoiceId, amountCents: paidCents }],
        externalReference: attempt.idOp,
        userId: null,
      });
      const balance = recorded.ok ? await invoiceBalance(tx, attempt) : null;
      if (balance !== props.balanceCents) throw new StaleMailError({ ...props, balanceCents: balance });
      const [settled] = await tx
        .update(onlinePayments)
        .set({
          state: "paid",
          resultCode: detail.resultCode,
          authorizationNumber: detail.authorizationNumber,
          paidCents,
          paidAt,
          paymentId: recorded.ok ? recorded.payment.id : null,
          // Money was taken either way: an invoice that could not take it (cancelled, at the treasury, settled
          // meanwhile) leaves the payment to the agent; a different amount is recorded as paid and checked.
          flag: !recorded.ok ? "not_recorded" : paidCents !== locked.amountCents ? "amount_mismatch" : null,
          lastError: null,
          checkCount: sql`${onlinePayments.checkCount} + 1`,
          lastCheckedAt: now,
          closedAt: now,
        })
        .where(sameAttempt(attempt))
        .returning();
      await enqueueRenderedMails(tx, [
        {
          communeId: attempt.communeId,
          to: locked.email,
          subject: onlinePaymentReceiptSubject(reference),
          template: "online-payment-receipt",
          ...mail!,
        },
      ]);
      return settled!;
    },
  );
}

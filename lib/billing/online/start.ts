import "server-only";
import { setTimeout as sleep } from "node:timers/promises";
import { and, eq, lt } from "drizzle-orm";
import type { Db } from "@/db/client";
import { invoices, type OnlinePayment, onlinePayments, regies } from "@/db/schema";
import { isUniqueViolation } from "@/lib/database/errors";
import { payfipObject, payfipRefdet } from "@/lib/payfip/messages";
import { routes } from "@/lib/routes/paths";
import { absoluteUrl } from "@/lib/urls";
import { invoiceStateColumns } from "../invoice-parts";
import { onlinePayability } from "./eligibility";
import { NOT_PAYABLE_MESSAGES } from "./labels";
import { openAttemptsByInvoice } from "./reads";
import { defaultPayfipServiceFor, type PayfipServiceFor, serviceErrorText } from "./service";
import { checkOnlinePayment } from "./settle";

/*
 * "Payer en ligne": one attempt per invoice at a time. The attempt is written ("opening") before PayFiP is asked
 * for an idOp, so a crash in between leaves a trace the job closes; the partial unique index on the invoice's
 * open attempts makes a second click (or a second tab) resume the first attempt instead of opening another.
 * PayFiP is called outside any transaction: nothing is locked while it answers.
 */

/** PayFiP's card page accepts an idOp this long: until then a second click goes back to the same page. */
export const CARD_PAGE_LIFETIME_MS = 15 * 60_000;
/** An attempt still "opening" after this long was interrupted (PayFiP answers, or times out, well before). */
export const OPENING_TIMEOUT_MS = 2 * 60_000;
/** How long a second click waits for the first one to get its idOp, and how often it looks. */
const OPENING_WAIT_MS = 15_000;
const OPENING_POLL_MS = 250;

export const SERVICE_UNAVAILABLE_MESSAGE =
  "Le paiement en ligne est momentanément indisponible. Réessayez plus tard ou réglez par un autre moyen.";
export const PENDING_CONFIRMATION_MESSAGE =
  "Un paiement en ligne de cette facture est en cours de confirmation. Réessayez dans quelques minutes.";
const NOT_FOUND_MESSAGE = "Facture introuvable.";

export type StartOnlinePaymentResult =
  | { ok: true; redirectTo: string; resumed: boolean }
  | { ok: false; code: "not_found" | "not_payable" | "pending_confirmation" | "service_unavailable"; message: string };

type StartParams = {
  communeId: string;
  householdId: string;
  invoiceId: string;
  userId: string;
  /** The payer's address, sent to PayFiP (its own ticket) and used for our receipt. */
  email: string;
  serviceFor?: PayfipServiceFor;
  /** The machine's time, for the attempt's timers. */
  now?: Date;
};

/** Sends the family to PayFiP's card page for the invoice's balance: a new attempt, or the one already open. */
export async function startOnlinePayment(db: Db, params: StartParams): Promise<StartOnlinePaymentResult> {
  const now = params.now ?? new Date();
  const serviceFor = params.serviceFor ?? defaultPayfipServiceFor;
  // A few rounds: an open attempt found settled, or a concurrent click that won the insert, means looking again.
  for (let round = 0; round < 3; round++) {
    const [invoice] = await db
      .select({
        id: invoices.id,
        reference: invoices.reference,
        issuer: invoices.issuer,
        issuedOn: invoices.issuedOn,
        ...invoiceStateColumns,
        regie: {
          id: regies.id,
          payfipClientNumber: regies.payfipClientNumber,
          payfipMode: regies.payfipMode,
          payfipServiceUrl: regies.payfipServiceUrl,
        },
      })
      .from(invoices)
      .leftJoin(regies, and(eq(regies.id, invoices.regieId), eq(regies.communeId, params.communeId)))
      .where(
        and(
          eq(invoices.id, params.invoiceId),
          eq(invoices.communeId, params.communeId),
          eq(invoices.householdId, params.householdId),
        ),
      );
    if (!invoice) return { ok: false, code: "not_found", message: NOT_FOUND_MESSAGE };
    const { regie } = invoice;
    const payability = onlinePayability(invoice, regie ?? { payfipClientNumber: null });
    if (!payability.payable || !regie)
      return {
        ok: false,
        code: "not_payable",
        message: NOT_PAYABLE_MESSAGES[payability.payable ? "not_configured" : payability.reason],
      };

    const current = (
      await openAttemptsByInvoice(db, { communeId: params.communeId, householdId: params.householdId })
    ).get(invoice.id);
    if (current) {
      const age = now.getTime() - current.createdAt.getTime();
      if (current.state === "open" && age < CARD_PAGE_LIFETIME_MS && current.amountCents === payability.amountCents)
        return { ok: true, redirectTo: serviceFor(regie).paymentPageUrl(current.idOp!), resumed: true };
      if (current.state === "open") {
        // Its card page has lapsed (or the balance changed since): only PayFiP knows whether it was paid.
        const checked = await checkOnlinePayment(db, { attemptId: current.id, serviceFor, now });
        if (checked?.state === "open")
          return { ok: false, code: "pending_confirmation", message: PENDING_CONFIRMATION_MESSAGE };
      } else if (age > OPENING_TIMEOUT_MS) await failInterruptedOpenings(db, { now, attempt: current });
      else if (!(await openedMeanwhile(db, current)))
        return { ok: false, code: "pending_confirmation", message: PENDING_CONFIRMATION_MESSAGE };
      continue;
    }

    let attempt: OnlinePayment;
    try {
      [attempt] = (await db
        .insert(onlinePayments)
        .values({
          communeId: params.communeId,
          householdId: params.householdId,
          invoiceId: invoice.id,
          regieId: regie.id,
          startedByUserId: params.userId,
          refdet: payfipRefdet(invoice.reference),
          exer: Number(invoice.issuedOn.slice(0, 4)),
          amountCents: payability.amountCents,
          email: params.email,
          mode: regie.payfipMode,
          state: "opening",
          createdAt: now,
        })
        .returning()) as [OnlinePayment];
    } catch (error) {
      // Another click on the same invoice wrote its attempt first: resume it, or wait for it.
      if (isUniqueViolation(error)) continue;
      throw error;
    }
    return openAttempt(db, attempt, {
      service: () => serviceFor(regie),
      object: `Facture ${invoice.reference} ${invoice.issuer}`,
      now,
    });
  }
  return { ok: false, code: "pending_confirmation", message: PENDING_CONFIRMATION_MESSAGE };
}

/** Asks PayFiP for the attempt's idOp (outside any transaction) and opens it, or records why it failed. */
async function openAttempt(
  db: Db,
  attempt: OnlinePayment,
  p: { service: () => ReturnType<PayfipServiceFor>; object: string; now: Date },
): Promise<StartOnlinePaymentResult> {
  const stillOpening = and(
    eq(onlinePayments.id, attempt.id),
    eq(onlinePayments.communeId, attempt.communeId),
    eq(onlinePayments.state, "opening"),
  );
  let service: ReturnType<PayfipServiceFor>;
  let idOp: string;
  try {
    // Made here too: a régie's service address that cannot be used fails the attempt like an unreachable service.
    service = p.service();
    idOp = await service.createPayment({
      exer: attempt.exer,
      refdet: attempt.refdet,
      amountCents: attempt.amountCents,
      email: attempt.email,
      object: payfipObject(p.object),
      // PayFiP's server-to-server notification (urlnotif) and the family's way back (urlredirect).
      notificationUrl: absoluteUrl(routes.onlinePaymentNotification()),
      returnUrl: absoluteUrl(routes.onlinePaymentReturn(attempt.id)),
    });
  } catch (error) {
    await db
      .update(onlinePayments)
      .set({ state: "failed", lastError: serviceErrorText(error), closedAt: p.now })
      .where(stillOpening);
    return { ok: false, code: "service_unavailable", message: SERVICE_UNAVAILABLE_MESSAGE };
  }
  const [opened] = await db.update(onlinePayments).set({ idOp, state: "open" }).where(stillOpening).returning();
  // Closed as interrupted meanwhile (PayFiP took minutes to answer): the family starts again.
  if (!opened) return { ok: false, code: "service_unavailable", message: SERVICE_UNAVAILABLE_MESSAGE };
  return { ok: true, redirectTo: service.paymentPageUrl(idOp), resumed: false };
}

/** Waits a little for a concurrent click's attempt to get its idOp (or fail); false if it is still opening. */
async function openedMeanwhile(db: Db, attempt: OnlinePayment): Promise<boolean> {
  const started = Date.now();
  while (Date.now() - started < OPENING_WAIT_MS) {
    await sleep(OPENING_POLL_MS);
    const [row] = await db
      .select({ state: onlinePayments.state })
      .from(onlinePayments)
      .where(and(eq(onlinePayments.id, attempt.id), eq(onlinePayments.communeId, attempt.communeId)));
    if (row?.state !== "opening") return true;
  }
  return false;
}

/** Closes as failed the attempts left "opening" too long (all of them, or one): PayFiP never gave them an idOp. */
export async function failInterruptedOpenings(
  db: Db,
  p: { now: Date; attempt?: Pick<OnlinePayment, "id" | "communeId"> },
): Promise<number> {
  const closed = await db
    .update(onlinePayments)
    .set({ state: "failed", lastError: "Création interrompue", closedAt: p.now })
    .where(
      and(
        eq(onlinePayments.state, "opening"),
        lt(onlinePayments.createdAt, new Date(p.now.getTime() - OPENING_TIMEOUT_MS)),
        p.attempt
          ? and(eq(onlinePayments.id, p.attempt.id), eq(onlinePayments.communeId, p.attempt.communeId))
          : undefined,
      ),
    )
    .returning({ id: onlinePayments.id });
  return closed.length;
}

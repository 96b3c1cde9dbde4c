import { randomBytes } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { mailOutbox, onlinePayments, paymentAllocations, payments } from "@/db/schema";
import { PayfipFault } from "@/lib/payfip/errors";
import type { CreatePaymentParams } from "@/lib/payfip/messages";
import { insertCommune } from "@/lib/testing/fixtures";
import { insertBillingFamily, insertInvoice, insertRegie } from "../testing-fixtures";
import type { PayfipServiceFor } from "./service";

/*
 * Online payment tests' world: a commune whose régie is on PayFiP, a subscribed family with an invoice to pay, and
 * PayFiP itself, scripted (TEMPORARY until part A's simulator lands: then the real one, in process).
 */

type Operation = CreatePaymentParams & {
  decided?: { resultCode: "P" | "R" | "A"; paidCents: number; knownAt: number; authorizationNumber: string };
};
const operations = new Map<string, Operation>();

/** PayFiP for the tests: idOps from createPayment, P1 for an unknown one, P5 until the payer chose (and after). */
export const testServiceFor =
  (options: { createDelayMs?: number; detailDelayMs?: number; down?: boolean } = {}): PayfipServiceFor =>
  () => ({
    async createPayment(params) {
      if (options.down) throw new PayfipFault("A2", "Service indisponible");
      await sleep(options.createDelayMs ?? 0);
      const idOp = randomBytes(15).toString("hex");
      operations.set(idOp, { ...params });
      return idOp;
    },
    async paymentDetail(idOp) {
      await sleep(options.detailDelayMs ?? 0);
      const operation = operations.get(idOp);
      if (!operation) throw new PayfipFault("P1", "IdOp incorrect");
      const decided = operation.decided;
      if (!decided || decided.knownAt > Date.now()) throw new PayfipFault("P5", "Résultat de la transaction non connu");
      return {
        idOp,
        resultCode: decided.resultCode,
        authorizationNumber: decided.resultCode === "P" ? decided.authorizationNumber : null,
        transactionAt: new Date("2027-01-11T22:30:00Z"),
        amountCents: decided.paidCents,
        refdet: operation.refdet,
        exer: String(operation.exer),
        email: operation.email,
        clientNumber: "012345",
        mode: "T",
      };
    },
    paymentPageUrl: (idOp) => `http://localhost:3000/simulateur-payfip/tpa/paiementws.web?idop=${idOp}`,
  });

/** The payer's choice on the card page: paid (the amount asked unless said), refused or abandoned. */
export async function decideTestPayment(
  _db: Db,
  p: { idOp: string; resultCode: "P" | "R" | "A"; paidCents?: number; resultDelayMs?: number },
) {
  const operation = operations.get(p.idOp)!;
  operation.decided = {
    resultCode: p.resultCode,
    paidCents: p.resultCode === "P" ? (p.paidCents ?? operation.amountCents) : operation.amountCents,
    knownAt: Date.now() + (p.resultDelayMs ?? 0),
    authorizationNumber: String(100000 + operations.size),
  };
}

/** A commune (new unless given) with a régie on PayFiP, a subscribed family and its invoice of 86,40 € to pay. */
export async function insertOnlinePaymentWorld(db: Db, p: { communeId?: string; amountCents?: number } = {}) {
  const communeId = p.communeId ?? (await insertCommune(db)).id;
  const regie = await insertRegie(db, {
    communeId,
    payfipClientNumber: "012345",
    payfipServiceUrl: "/simulateur-payfip/tpa",
  });
  const family = await insertBillingFamily(db, communeId);
  const invoice = await insertInvoice(db, {
    communeId,
    householdId: family.householdId,
    regieId: regie.id,
    amountCents: p.amountCents ?? 8640,
    issuedOn: "2027-01-05",
  });
  const startParams = {
    communeId,
    householdId: family.householdId,
    invoiceId: invoice.id,
    userId: family.family.id,
    email: family.family.email,
  };
  return { communeId, regie, family, invoice, startParams };
}

/** What a test checks after the fact: the household's règlements, the invoice's attempts and the receipts sent. */
export const householdPayments = (db: Db, householdId: string) =>
  db
    .select({ payment: payments, allocatedCents: paymentAllocations.amountCents })
    .from(payments)
    .innerJoin(paymentAllocations, eq(paymentAllocations.paymentId, payments.id))
    .where(eq(payments.householdId, householdId));

export const invoiceAttempts = (db: Db, invoiceId: string) =>
  db.select().from(onlinePayments).where(eq(onlinePayments.invoiceId, invoiceId));

export const receipts = (db: Db, communeId: string) =>
  db
    .select()
    .from(mailOutbox)
    .where(and(eq(mailOutbox.communeId, communeId), eq(mailOutbox.template, "online-payment-receipt")));

/** The idOp at the end of a card page URL. */
export const idOpOf = (redirectTo: string) => new URL(redirectTo).searchParams.get("idop")!;

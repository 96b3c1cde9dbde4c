import { setTimeout as sleep } from "node:timers/promises";
import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { mailOutbox, onlinePayments, paymentAllocations, payments } from "@/db/schema";
import { payfipService } from "@/lib/payfip/client";
import { inProcessSimulatorFetch, SIMULATOR_BASE_PATH } from "@/lib/payfip/simulator/testing";
import { insertCommune } from "@/lib/testing/fixtures";
import { insertBillingFamily, insertInvoice, insertRegie } from "../testing-fixtures";
import type { PayfipServiceFor } from "./service";

/*
 * Online payment tests' world: a commune whose régie is on PayFiP, a subscribed family with an invoice to pay, and
 * PayFiP itself: the portal's simulator, in process, spoken to in PayFiP's real XML by the real client. The payer's
 * choice on the card page is the simulator's decideSimulatedPayment.
 */

/**
 * The régie's PayFiP as the simulator on the test's database. `createDelayMs` / `detailDelayMs` make it slow to answer
 * creerPaiementSecurise / recupererDetailPaiementSecurise, so that concurrent callers overlap; `down`: unreachable.
 */
export const simulatorServiceFor =
  (
    database: { readonly db: Db },
    options: { createDelayMs?: number; detailDelayMs?: number; down?: boolean } = {},
  ): PayfipServiceFor =>
  (regie) => {
    const simulator = inProcessSimulatorFetch(database.db);
    const slowSimulator: typeof fetch = async (input, init) => {
      if (options.down) throw new TypeError("fetch failed: ECONNREFUSED");
      const creating = String(init?.body).includes("creerPaiementSecurise");
      await sleep((creating ? options.createDelayMs : options.detailDelayMs) ?? 0);
      return simulator(input, init);
    };
    return payfipService(
      { clientNumber: regie.payfipClientNumber ?? "", mode: regie.payfipMode, serviceUrl: regie.payfipServiceUrl },
      { fetch: slowSimulator, appUrl: "http://localhost:3000" },
    );
  };

/** A commune (new unless given) with a régie on PayFiP, a subscribed family and its invoice of 86,40 € to pay. */
export async function insertOnlinePaymentWorld(db: Db, p: { communeId?: string; amountCents?: number } = {}) {
  const communeId = p.communeId ?? (await insertCommune(db)).id;
  const regie = await insertRegie(db, {
    communeId,
    payfipClientNumber: "012345",
    payfipServiceUrl: SIMULATOR_BASE_PATH,
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

/** An attempt on the world's invoice that never got its idOp from PayFiP (still "opening"), begun at `createdAt`. */
export async function insertInterruptedAttempt(
  db: Db,
  world: Awaited<ReturnType<typeof insertOnlinePaymentWorld>>,
  createdAt: Date,
) {
  const [attempt] = await db
    .insert(onlinePayments)
    .values({
      communeId: world.communeId,
      householdId: world.family.householdId,
      invoiceId: world.invoice.id,
      regieId: world.regie.id,
      refdet: "F2027000001",
      exer: 2027,
      amountCents: 8640,
      email: world.family.family.email,
      mode: "T",
      createdAt,
    })
    .returning();
  return attempt!;
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

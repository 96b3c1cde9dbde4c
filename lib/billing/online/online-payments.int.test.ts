import { eq } from "drizzle-orm";
import { afterEach, describe, expect, it, vi } from "vitest";
import { invoices, onlinePayments, regies } from "@/db/schema";
import { todayInParis } from "@/lib/clock";
import { decideSimulatedPayment } from "@/lib/payfip/simulator/service";
import { setUpTestDatabase } from "@/lib/testing/set-up-test-database";
import { insertCreditNote, insertPayment } from "../testing-fixtures";
import { checkOpenOnlinePayments } from "./jobs";
import { checkOnlinePayment } from "./settle";
import { PENDING_CONFIRMATION_MESSAGE, SERVICE_UNAVAILABLE_MESSAGE, startOnlinePayment } from "./start";
import {
  householdPayments,
  idOpOf,
  insertInterruptedAttempt,
  insertOnlinePaymentWorld,
  invoiceAttempts,
  receipts,
  simulatorServiceFor,
} from "./testing-fixtures";

/** Lets a test act while the receipt is rendered, i.e. between PayFiP's answer and the settling transaction. */
const whileRendering: { hook: (() => Promise<void>) | null } = { hook: null };
vi.mock("@/lib/mail/send-mail", async (original) => {
  const actual = await original<typeof import("@/lib/mail/send-mail")>();
  return {
    ...actual,
    renderMail: async (...args: Parameters<typeof actual.renderMail>) => {
      const hook = whileRendering.hook;
      whileRendering.hook = null;
      await hook?.();
      return actual.renderMail(...args);
    },
  };
});

const database = setUpTestDatabase();
const db = () => database.db;
const serviceFor = simulatorServiceFor(database);
const minutes = (n: number) => new Date(Date.now() + n * 60_000);

afterEach(() => {
  whileRendering.hook = null;
  vi.useRealTimers();
});

/** A family on PayFiP's card page for its invoice of 86,40 €. */
async function onCardPage(options: { amountCents?: number } = {}) {
  const world = await insertOnlinePaymentWorld(db(), options);
  const started = await startOnlinePayment(db(), { ...world.startParams, serviceFor });
  if (!started.ok) throw new Error(started.message);
  const idOp = idOpOf(started.redirectTo);
  return { ...world, started, idOp };
}

const invoiceRow = async (id: string) => (await db().select().from(invoices).where(eq(invoices.id, id)))[0]!;

describe("starting an online payment", () => {
  it("writes one open attempt with what PayFiP was asked, and sends the family to its card page", async () => {
    const { started, idOp, invoice, family } = await onCardPage();
    expect(started).toMatchObject({ ok: true, resumed: false });
    expect(started.redirectTo).toBe(`http://localhost:3000/simulateur-payfip/tpa/paiementws.web?idop=${idOp}`);
    const [attempt] = await invoiceAttempts(db(), invoice.id);
    expect(attempt).toMatchObject({
      state: "open",
      idOp,
      refdet: invoice.reference.replace("-", ""),
      exer: 2027,
      amountCents: 8640,
      email: family.family.email,
      mode: "T",
      startedByUserId: family.family.id,
    });
  });

  it("resumes the same card page on a second click, and never opens a second attempt", async () => {
    const { started, startParams, invoice } = await onCardPage();
    const again = await startOnlinePayment(db(), { ...startParams, serviceFor });
    expect(again).toEqual({ ok: true, redirectTo: started.redirectTo, resumed: true });
    expect(await invoiceAttempts(db(), invoice.id)).toHaveLength(1);
  });

  it("after the card page's 15 minutes, asks PayFiP first: still unknown → en cours de confirmation", async () => {
    const { startParams, invoice } = await onCardPage();
    const later = await startOnlinePayment(db(), { ...startParams, serviceFor, now: minutes(16) });
    expect(later).toEqual({ ok: false, code: "pending_confirmation", message: PENDING_CONFIRMATION_MESSAGE });
    const [attempt] = await invoiceAttempts(db(), invoice.id);
    expect(attempt).toMatchObject({
      state: "open",
      checkCount: 1,
      lastError: "P5 : Résultat de la transaction non connu",
    });
  });

  it("after the card page's 15 minutes, an abandoned attempt gives way to a new one", async () => {
    const { startParams, invoice, idOp } = await onCardPage();
    await decideSimulatedPayment(db(), { idOp, resultCode: "A" });
    const later = await startOnlinePayment(db(), { ...startParams, serviceFor, now: minutes(16) });
    expect(later).toMatchObject({ ok: true, resumed: false });
    const attempts = await invoiceAttempts(db(), invoice.id);
    expect(attempts.map((a) => a.state).sort()).toEqual(["cancelled", "open"]);
  });

  it.each([
    ["refuses to open it", { payfipClientNumber: "12345" }, {}, "SIMU-NUMCLI : Numéro de client incorrect"],
    ["cannot be reached", { payfipClientNumber: "012345" }, { down: true }, "Service injoignable : PayFiP unreachable"],
  ] as const)("closes as failed an attempt when PayFiP %s, and tells the family", async (_, regie, options, error) => {
    const { startParams, invoice, regie: row } = await insertOnlinePaymentWorld(db());
    await db().update(regies).set(regie).where(eq(regies.id, row.id));
    const result = await startOnlinePayment(db(), {
      ...startParams,
      serviceFor: simulatorServiceFor(database, options),
    });
    expect(result).toEqual({ ok: false, code: "service_unavailable", message: SERVICE_UNAVAILABLE_MESSAGE });
    const [attempt] = await invoiceAttempts(db(), invoice.id);
    expect(attempt).toMatchObject({ state: "failed", idOp: null });
    expect(attempt!.lastError).toContain(error);
    expect(attempt!.closedAt).not.toBeNull();
    // The failed attempt does not block the next one.
    await db().update(regies).set({ payfipClientNumber: "012345" }).where(eq(regies.id, row.id));
    expect(await startOnlinePayment(db(), { ...startParams, serviceFor })).toMatchObject({ ok: true, resumed: false });
  });

  it("refuses an invoice that is not payable online, writing nothing", async () => {
    const world = await insertOnlinePaymentWorld(db());
    await db().update(invoices).set({ treasuryOn: "2027-03-01" }).where(eq(invoices.id, world.invoice.id));
    const result = await startOnlinePayment(db(), { ...world.startParams, serviceFor });
    expect(result).toEqual({
      ok: false,
      code: "not_payable",
      message: "Cette facture est transmise en trésorerie : elle se règle auprès du comptable public.",
    });
    expect(await invoiceAttempts(db(), world.invoice.id)).toHaveLength(0);
  });
});

describe("settling on PayFiP's answer", () => {
  it("paid: one règlement of the amount paid, the invoice paid, the attempt closed, one receipt", async () => {
    const { idOp, invoice, family, communeId } = await onCardPage();
    await decideSimulatedPayment(db(), { idOp, resultCode: "P" });
    const [attempt] = await invoiceAttempts(db(), invoice.id);
    // The family's return names our attempt; the notification, PayFiP's idOp (below).
    const settled = await checkOnlinePayment(db(), { attemptId: attempt!.id, serviceFor });
    expect(settled).toMatchObject({ state: "paid", resultCode: "P", paidCents: 8640, flag: null, checkCount: 1 });
    expect(settled!.authorizationNumber).toMatch(/^\d{6}$/);
    const recorded = await householdPayments(db(), family.householdId);
    expect(recorded).toHaveLength(1);
    expect(recorded[0]!.payment).toMatchObject({
      id: settled!.paymentId,
      method: "card_online",
      amountCents: 8640,
      externalReference: idOp,
      description: `Règlement en ligne - Transaction n° ${settled!.authorizationNumber}`,
      receivedOn: todayInParis(),
      recordedByUserId: null,
    });
    expect(await invoiceRow(invoice.id)).toMatchObject({ paidCents: 8640 });
    const [receipt] = await receipts(db(), communeId);
    expect(receipt).toMatchObject({
      to: family.family.email,
      subject: `Paiement en ligne reçu — facture n° ${invoice.reference}`,
    });
    expect(receipt!.text).toContain("Votre facture est entièrement payée.");
    expect(receipt!.text).toContain(`Transaction n° ${settled!.authorizationNumber}`);
  });

  it("dates the règlement the Paris day of the payment: 00:30 in Paris is 23:30 UTC the day before", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2027-01-11T23:30:00Z"));
    const { idOp, family } = await onCardPage();
    await decideSimulatedPayment(db(), { idOp, resultCode: "P" });
    const settled = await checkOnlinePayment(db(), { idOp, serviceFor });
    expect(settled!.paidAt).toEqual(new Date("2027-01-11T23:30:00Z"));
    const [recorded] = await householdPayments(db(), family.householdId);
    expect(recorded!.payment.receivedOn).toBe("2027-01-12");
  });

  it("the notification twice: one payment, one receipt", async () => {
    const { idOp, family, communeId } = await onCardPage();
    await decideSimulatedPayment(db(), { idOp, resultCode: "P" });
    const first = await checkOnlinePayment(db(), { idOp, serviceFor });
    const second = await checkOnlinePayment(db(), { idOp, serviceFor });
    expect(second).toEqual(first);
    expect(await householdPayments(db(), family.householdId)).toHaveLength(1);
    expect(await receipts(db(), communeId)).toHaveLength(1);
  });

  it.each([
    ["R", "refused"],
    ["A", "cancelled"],
  ] as const)("%s: the attempt is %s, nothing recorded, no mail", async (resultCode, state) => {
    const { idOp, invoice, family, communeId } = await onCardPage();
    await decideSimulatedPayment(db(), { idOp, resultCode });
    expect(await checkOnlinePayment(db(), { idOp, serviceFor })).toMatchObject({ state, resultCode, paymentId: null });
    expect(await householdPayments(db(), family.householdId)).toHaveLength(0);
    expect(await invoiceRow(invoice.id)).toMatchObject({ paidCents: 0 });
    expect(await receipts(db(), communeId)).toHaveLength(0);
  });

  it("another amount than asked is recorded as paid and flagged for an agent", async () => {
    const { idOp, invoice, family, communeId } = await onCardPage();
    await decideSimulatedPayment(db(), { idOp, resultCode: "P", paidCents: 5000 });
    expect(await checkOnlinePayment(db(), { idOp, serviceFor })).toMatchObject({
      state: "paid",
      amountCents: 8640,
      paidCents: 5000,
      flag: "amount_mismatch",
    });
    expect((await householdPayments(db(), family.householdId)).map((r) => r.allocatedCents)).toEqual([5000]);
    expect(await invoiceRow(invoice.id)).toMatchObject({ paidCents: 5000 });
    const [receipt] = await receipts(db(), communeId);
    expect(receipt!.text).toContain("Reste à payer sur cette facture : 36,40\u00a0€");
  });

  it("an invoice cancelled meanwhile: paid, no règlement, flagged not_recorded; the receipt says the régie assigns it", async () => {
    const { idOp, invoice, family, communeId } = await onCardPage();
    await insertCreditNote(db(), {
      communeId,
      householdId: family.householdId,
      invoiceId: invoice.id,
      amountCents: 8640,
      issuedOn: "2027-01-11",
    });
    await decideSimulatedPayment(db(), { idOp, resultCode: "P" });
    expect(await checkOnlinePayment(db(), { idOp, serviceFor })).toMatchObject({
      state: "paid",
      paidCents: 8640,
      paymentId: null,
      flag: "not_recorded",
    });
    expect(await householdPayments(db(), family.householdId)).toHaveLength(0);
    const [receipt] = await receipts(db(), communeId);
    expect(receipt!.text).toContain("La régie affecte ce paiement à votre facture");
  });

  it("a cheque recorded while the receipt renders: the transaction runs again, one payment, the receipt's balance right", async () => {
    const { idOp, invoice, family, communeId } = await onCardPage();
    await decideSimulatedPayment(db(), { idOp, resultCode: "P", paidCents: 4000 });
    const cheque = { receivedOn: "2027-01-11", allocations: [{ invoiceId: invoice.id, amountCents: 1000 }] };
    whileRendering.hook = async () => {
      await insertPayment(db(), { communeId, householdId: family.householdId, ...cheque });
    };
    const settled = await checkOnlinePayment(db(), { idOp, serviceFor });
    expect(settled).toMatchObject({ state: "paid", paidCents: 4000, flag: "amount_mismatch" });
    const online = (await householdPayments(db(), family.householdId)).filter(
      (r) => r.payment.method === "card_online",
    );
    expect(online).toHaveLength(1);
    expect(await invoiceRow(invoice.id)).toMatchObject({ paidCents: 5000 });
    const sent = await receipts(db(), communeId);
    expect(sent).toHaveLength(1);
    expect(sent[0]!.text).toContain("Reste à payer sur cette facture : 36,40\u00a0€");
  });

  it("an unknown attempt or idOp is null; PayFiP not reached leaves the attempt open with the error", async () => {
    expect(await checkOnlinePayment(db(), { idOp: "inconnu", serviceFor })).toBeNull();
    expect(await checkOnlinePayment(db(), { attemptId: "pas-un-uuid", serviceFor })).toBeNull();
    expect(await checkOnlinePayment(db(), { attemptId: crypto.randomUUID(), serviceFor })).toBeNull();
    const { idOp } = await onCardPage();
    const unreachable = simulatorServiceFor(database, { down: true });
    const checked = await checkOnlinePayment(db(), { idOp, serviceFor: unreachable });
    expect(checked).toMatchObject({ state: "open", checkCount: 1 });
    expect(checked!.lastError).toMatch(/^Service injoignable : PayFiP unreachable: .*ECONNREFUSED/);
  });
});

describe("the job", () => {
  it("P5 at first, then paid: recorded by the job, with its receipt", async () => {
    const { idOp, invoice, family, communeId } = await onCardPage();
    // Not asked before 5 minutes.
    expect(await checkOpenOnlinePayments(db(), minutes(4), { serviceFor })).toMatchObject({ checked: 0 });
    await checkOpenOnlinePayments(db(), minutes(6), { serviceFor });
    expect((await invoiceAttempts(db(), invoice.id))[0]).toMatchObject({ state: "open", checkCount: 1 });
    await decideSimulatedPayment(db(), { idOp, resultCode: "P" });
    // Asked 5 minutes after the last check only.
    await checkOpenOnlinePayments(db(), minutes(10), { serviceFor });
    expect((await invoiceAttempts(db(), invoice.id))[0]).toMatchObject({ state: "open", checkCount: 1 });
    await checkOpenOnlinePayments(db(), minutes(12), { serviceFor });
    expect((await invoiceAttempts(db(), invoice.id))[0]).toMatchObject({ state: "paid", checkCount: 2 });
    expect(await householdPayments(db(), family.householdId)).toHaveLength(1);
    expect(await receipts(db(), communeId)).toHaveLength(1);
  });

  it("unknown for an hour: expired; a payment PayFiP reports later is still recorded", async () => {
    const { idOp, invoice, family, started, startParams } = await onCardPage();
    await checkOpenOnlinePayments(db(), minutes(55), { serviceFor });
    expect((await invoiceAttempts(db(), invoice.id))[0]).toMatchObject({ state: "open" });
    await checkOpenOnlinePayments(db(), minutes(61), { serviceFor });
    const [expired] = await invoiceAttempts(db(), invoice.id);
    expect(expired).toMatchObject({ state: "expired", checkCount: 2 });
    expect(expired!.closedAt).not.toBeNull();
    // Given up: the family may try again.
    const again = await startOnlinePayment(db(), { ...startParams, serviceFor, now: minutes(62) });
    expect(again).toMatchObject({ ok: true, resumed: false });
    expect(again.ok && again.redirectTo).not.toBe(started.redirectTo);
    // The late notification of the first one.
    await decideSimulatedPayment(db(), { idOp, resultCode: "P" });
    expect(await checkOnlinePayment(db(), { idOp, serviceFor })).toMatchObject({ state: "paid", flag: null });
    expect(await householdPayments(db(), family.householdId)).toHaveLength(1);
  });

  it("closes as failed an attempt left opening for more than 2 minutes", async () => {
    const world = await insertOnlinePaymentWorld(db());
    const stuck = await insertInterruptedAttempt(db(), world, new Date());
    expect(await checkOpenOnlinePayments(db(), minutes(1), { serviceFor })).toMatchObject({ closed: 0 });
    expect(await checkOpenOnlinePayments(db(), minutes(3), { serviceFor })).toMatchObject({ closed: 1 });
    const [failed] = await db().select().from(onlinePayments).where(eq(onlinePayments.id, stuck.id));
    expect(failed).toMatchObject({ state: "failed", lastError: "Création interrompue" });
  });
});

import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { auditLog, type Commune, creditNotes, invoices, paymentAllocations, payments } from "@/db/schema";
import { insertFamily } from "@/lib/family-file/test-fixtures";
import { insertCommune } from "@/lib/testing/fixtures";
import { setUpTestDatabase } from "@/lib/testing/set-up-test-database";
import { cancelInvoiceByCreditNote, PAID_INVOICE_MESSAGE } from "./credit-notes";
import { cancelPayment, type RecordPaymentParams, recordPayment } from "./payments";
import { invoiceStatus } from "./status";
import { insertInvoice, insertRegie } from "./testing-fixtures";
import { listTreasuryEligible, transmitToTreasury } from "./treasury";

const database = setUpTestDatabase();

let town: Commune;

beforeAll(async () => {
  town = await insertCommune(database.db);
});

const invoiceRow = async (id: string) => (await database.db.select().from(invoices).where(eq(invoices.id, id)))[0]!;
const paymentsOf = (householdId: string) =>
  database.db.select().from(payments).where(eq(payments.householdId, householdId));
const allocationsOf = (invoiceId: string) =>
  database.db.select().from(paymentAllocations).where(eq(paymentAllocations.invoiceId, invoiceId));

/** A family of its own with two unpaid invoices (14,10 € due in January, 25,00 € in February). */
async function familyWithTwoInvoices(communeId = town.id) {
  const owner = await insertFamily(database.db, communeId);
  const january = await insertInvoice(database.db, {
    communeId,
    householdId: owner.householdId,
    amountCents: 1410,
    dueOn: "2027-01-25",
  });
  const february = await insertInvoice(database.db, {
    communeId,
    householdId: owner.householdId,
    amountCents: 2500,
    dueOn: "2027-02-25",
  });
  return { owner, january, february };
}

const cheque = (
  owner: Awaited<ReturnType<typeof insertFamily>>,
  overrides: Partial<RecordPaymentParams> = {},
): RecordPaymentParams => ({
  communeId: owner.scope.communeId,
  householdId: owner.householdId,
  method: "cheque",
  receivedOn: "2027-02-03",
  description: "Chèque n° 1234567",
  amountCents: 0,
  allocations: [],
  idempotencyKey: randomUUID(),
  userId: owner.agent.id,
  ...overrides,
});

describe("recording a payment", () => {
  it("settles one invoice and part of another, with an operation number, in one go", async () => {
    const { owner, january, february } = await familyWithTwoInvoices();
    const result = await recordPayment(
      database.db,
      cheque(owner, {
        amountCents: 3000,
        allocations: [
          { invoiceId: january.id, amountCents: 1410 },
          { invoiceId: february.id, amountCents: 1590 },
        ],
      }),
    );
    expect(result).toMatchObject({ ok: true, alreadyRecorded: false });
    if (!result.ok) return;
    expect(result.payment.operationNumber).toMatch(/^\d{4}\d{6}$/);
    expect(result.payment).toMatchObject({
      method: "cheque",
      amountCents: 3000,
      householdId: owner.householdId,
      recordedByUserId: owner.agent.id,
    });
    expect(invoiceStatus(await invoiceRow(january.id))).toBe("paid");
    expect(await invoiceRow(february.id)).toMatchObject({ paidCents: 1590 });
    expect(invoiceStatus(await invoiceRow(february.id))).toBe("partially_paid");
    expect(await allocationsOf(february.id)).toMatchObject([{ paymentId: result.payment.id, amountCents: 1590 }]);
    const audit = await database.db.select().from(auditLog).where(eq(auditLog.targetId, result.payment.id));
    expect(audit).toMatchObject([{ action: "payment.recorded", actorUserId: owner.agent.id }]);
  });

  it("moves an invoice from à payer to partially paid to paid", async () => {
    const { owner, february } = await familyWithTwoInvoices();
    expect(invoiceStatus(await invoiceRow(february.id))).toBe("to_pay");
    const pay = (amountCents: number) =>
      recordPayment(
        database.db,
        cheque(owner, { method: "cash", amountCents, allocations: [{ invoiceId: february.id, amountCents }] }),
      );
    expect((await pay(1000)).ok).toBe(true);
    expect(invoiceStatus(await invoiceRow(february.id))).toBe("partially_paid");
    expect((await pay(1500)).ok).toBe(true);
    expect(invoiceStatus(await invoiceRow(february.id))).toBe("paid");
    expect(await pay(1)).toMatchObject({
      ok: false,
      refusal: { code: "above_balance", message: expect.stringMatching(/est déjà entièrement payée\.$/) },
    });
  });

  it("records a payment once for a key submitted twice, and once for an external reference notified twice", async () => {
    const { owner, january, february } = await familyWithTwoInvoices();
    const params = cheque(owner, { amountCents: 1410, allocations: [{ invoiceId: january.id, amountCents: 1410 }] });
    const first = await recordPayment(database.db, params);
    const again = await recordPayment(database.db, params);
    expect(again).toMatchObject({ ok: true, alreadyRecorded: true });
    expect(first.ok && again.ok && again.payment.id === first.payment.id).toBe(true);
    expect(again.ok && again.payment.allocations).toEqual([{ invoiceId: january.id, amountCents: 1410 }]);

    const online = cheque(owner, {
      method: "card_online",
      description: "Règlement en ligne - Transaction n° 3fe56d",
      idempotencyKey: null,
      externalReference: `payfip-${randomUUID()}`,
      userId: null,
      amountCents: 500,
      allocations: [{ invoiceId: february.id, amountCents: 500 }],
    });
    const paid = await recordPayment(database.db, online);
    const notifiedAgain = await recordPayment(database.db, online);
    expect(paid).toMatchObject({ ok: true, alreadyRecorded: false, payment: { recordedByUserId: null } });
    expect(notifiedAgain).toMatchObject({ ok: true, alreadyRecorded: true });
    expect(await paymentsOf(owner.householdId)).toHaveLength(2);
    expect(await invoiceRow(february.id)).toMatchObject({ paidCents: 500 });
  });

  it("records once when the same key is submitted several times at once", async () => {
    const { owner, february } = await familyWithTwoInvoices();
    const params = cheque(owner, { amountCents: 2000, allocations: [{ invoiceId: february.id, amountCents: 2000 }] });
    const results = await Promise.all(Array.from({ length: 4 }, () => recordPayment(database.db, params)));
    expect(results.every((r) => r.ok)).toBe(true);
    expect(results.filter((r) => r.ok && !r.alreadyRecorded)).toHaveLength(1);
    expect(new Set(results.map((r) => r.ok && r.payment.id)).size).toBe(1);
    expect(await paymentsOf(owner.householdId)).toHaveLength(1);
    expect(await invoiceRow(february.id)).toMatchObject({ paidCents: 2000 });
  });

  it("refuses an allocation above the balance and writes nothing at all", async () => {
    const { owner, january, february } = await familyWithTwoInvoices();
    const result = await recordPayment(
      database.db,
      cheque(owner, {
        amountCents: 3000,
        allocations: [
          { invoiceId: february.id, amountCents: 1000 },
          { invoiceId: january.id, amountCents: 2000 },
        ],
      }),
    );
    expect(result).toEqual({
      ok: false,
      refusal: {
        code: "above_balance",
        invoiceId: january.id,
        balanceCents: 1410,
        message: `Le montant affecté à la facture ${january.reference} (20,00\u00a0€) dépasse son solde (14,10\u00a0€).`,
      },
    });
    expect(await paymentsOf(owner.householdId)).toEqual([]);
    expect(await invoiceRow(february.id)).toMatchObject({ paidCents: 0 });
    expect(await allocationsOf(february.id)).toEqual([]);
  });

  it("refuses a split whose total is not the amount", async () => {
    const { owner, january } = await familyWithTwoInvoices();
    expect(
      await recordPayment(
        database.db,
        cheque(owner, { amountCents: 1500, allocations: [{ invoiceId: january.id, amountCents: 1410 }] }),
      ),
    ).toMatchObject({ ok: false, refusal: { code: "invalid_split" } });
    expect(await paymentsOf(owner.householdId)).toEqual([]);
  });

  it("refuses an invoice cancelled by a credit note or transmitted to the treasury", async () => {
    const owner = await insertFamily(database.db, town.id);
    const cancelled = await insertInvoice(database.db, {
      ...owner.scope,
      amountCents: 1000,
      cancelledOn: "2027-01-10",
    });
    const atTreasury = await insertInvoice(database.db, {
      ...owner.scope,
      amountCents: 1000,
      treasuryOn: "2027-03-31",
    });
    const pay = (invoiceId: string) =>
      recordPayment(database.db, cheque(owner, { amountCents: 500, allocations: [{ invoiceId, amountCents: 500 }] }));
    expect(await pay(cancelled.id)).toMatchObject({ ok: false, refusal: { code: "invoice_cancelled" } });
    expect(await pay(atTreasury.id)).toMatchObject({
      ok: false,
      refusal: {
        code: "invoice_at_treasury",
        message: `La facture ${atTreasury.reference} est transmise en trésorerie : elle se règle auprès du comptable public.`,
      },
    });
    expect(await paymentsOf(owner.householdId)).toEqual([]);
  });

  it("refuses an invoice of another household or another commune, and the key of another household", async () => {
    const { owner, january } = await familyWithTwoInvoices();
    const neighbour = await insertFamily(database.db, town.id);
    const elsewhere = await insertCommune(database.db);
    const foreign = await familyWithTwoInvoices(elsewhere.id);
    const allocation = (invoiceId: string) => ({ amountCents: 100, allocations: [{ invoiceId, amountCents: 100 }] });

    // The neighbour's payment may not settle the owner's invoice.
    expect(await recordPayment(database.db, cheque(neighbour, allocation(january.id)))).toMatchObject({
      ok: false,
      refusal: { code: "invoice_not_found", message: "Facture introuvable pour cette famille." },
    });
    // Nor may the owner's payment, recorded in this commune, settle an invoice of another commune.
    expect(await recordPayment(database.db, cheque(owner, allocation(foreign.january.id)))).toMatchObject({
      ok: false,
      refusal: { code: "invoice_not_found" },
    });
    // Another commune's agent naming this commune's household records nothing here.
    expect(
      await recordPayment(database.db, { ...cheque(owner, allocation(january.id)), communeId: elsewhere.id }),
    ).toMatchObject({ ok: false, refusal: { code: "invoice_not_found" } });

    const key = randomUUID();
    expect(
      (await recordPayment(database.db, cheque(owner, { ...allocation(january.id), idempotencyKey: key }))).ok,
    ).toBe(true);
    const neighbourInvoice = await insertInvoice(database.db, { ...neighbour.scope, amountCents: 500 });
    expect(
      await recordPayment(database.db, cheque(neighbour, { ...allocation(neighbourInvoice.id), idempotencyKey: key })),
    ).toMatchObject({ ok: false, refusal: { code: "key_of_another_household" } });
    expect(await invoiceRow(foreign.january.id)).toMatchObject({ paidCents: 0 });
    expect(await invoiceRow(neighbourInvoice.id)).toMatchObject({ paidCents: 0 });
    expect(await invoiceRow(january.id)).toMatchObject({ paidCents: 100 });
  });
});

describe("concurrent payments on one invoice", () => {
  it("two payments whose sum exceeds the balance: one passes, the other is refused", async () => {
    const { owner, february } = await familyWithTwoInvoices();
    const pay = () =>
      recordPayment(
        database.db,
        cheque(owner, { amountCents: 1500, allocations: [{ invoiceId: february.id, amountCents: 1500 }] }),
      );
    const results = await Promise.all([pay(), pay()]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok)).toMatchObject([{ refusal: { code: "above_balance", balanceCents: 1000 } }]);
    expect(await invoiceRow(february.id)).toMatchObject({ paidCents: 1500 });
    expect(await paymentsOf(owner.householdId)).toHaveLength(1);
  });

  it("ten payments racing over two invoices in both orders never overpay either and never deadlock", async () => {
    const { owner, january, february } = await familyWithTwoInvoices();
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) => {
        const parts = [
          { invoiceId: january.id, amountCents: 300 },
          { invoiceId: february.id, amountCents: 500 },
        ];
        return recordPayment(
          database.db,
          cheque(owner, { amountCents: 800, allocations: i % 2 ? parts : parts.reverse() }),
        );
      }),
    );
    // January's 14,10 € holds four parts of 3,00 €.
    expect(results.filter((r) => r.ok)).toHaveLength(4);
    expect(await invoiceRow(january.id)).toMatchObject({ paidCents: 1200 });
    expect(await invoiceRow(february.id)).toMatchObject({ paidCents: 2000 });
    const numbers = (await paymentsOf(owner.householdId)).map((p) => p.operationNumber);
    expect(new Set(numbers).size).toBe(4);
  });
});

describe("cancelling a payment", () => {
  it("gives its amounts back to every invoice it settled, keeps it with its reason, and does it once", async () => {
    const { owner, january, february } = await familyWithTwoInvoices();
    const recorded = await recordPayment(
      database.db,
      cheque(owner, {
        amountCents: 2410,
        allocations: [
          { invoiceId: january.id, amountCents: 1410 },
          { invoiceId: february.id, amountCents: 1000 },
        ],
      }),
    );
    if (!recorded.ok) throw new Error("not recorded");
    const params = {
      communeId: town.id,
      paymentId: recorded.payment.id,
      reason: "Chèque rejeté par la banque",
      userId: owner.agent.id,
    };
    const cancelled = await cancelPayment(database.db, params);
    expect(cancelled).toMatchObject({
      ok: true,
      alreadyCancelled: false,
      payment: { cancelReason: "Chèque rejeté par la banque", cancelledByUserId: owner.agent.id },
    });
    expect(invoiceStatus(await invoiceRow(january.id))).toBe("to_pay");
    expect(await invoiceRow(february.id)).toMatchObject({ paidCents: 0 });
    // The allocations stay, as history.
    expect(await allocationsOf(january.id)).toHaveLength(1);

    expect(await cancelPayment(database.db, { ...params, reason: "Encore" })).toMatchObject({
      ok: true,
      alreadyCancelled: true,
      payment: { cancelReason: "Chèque rejeté par la banque" },
    });
    expect(await invoiceRow(february.id)).toMatchObject({ paidCents: 0 });
    expect(await paymentsOf(owner.householdId)).toHaveLength(1);
  });

  it("is refused without a reason, and for a payment of another commune", async () => {
    const { owner, january } = await familyWithTwoInvoices();
    const recorded = await recordPayment(
      database.db,
      cheque(owner, { amountCents: 1410, allocations: [{ invoiceId: january.id, amountCents: 1410 }] }),
    );
    if (!recorded.ok) throw new Error("not recorded");
    const elsewhere = await insertCommune(database.db);
    const params = { communeId: town.id, paymentId: recorded.payment.id, reason: "Rejet", userId: owner.agent.id };
    expect(await cancelPayment(database.db, { ...params, reason: "  " })).toMatchObject({
      ok: false,
      refusal: { code: "reason_missing" },
    });
    expect(await cancelPayment(database.db, { ...params, communeId: elsewhere.id })).toMatchObject({
      ok: false,
      refusal: { code: "not_found" },
    });
    expect(await invoiceRow(january.id)).toMatchObject({ paidCents: 1410 });
    expect((await paymentsOf(owner.householdId))[0]!.cancelledAt).toBeNull();
  });
});

describe("credit notes", () => {
  it("cancel an unpaid invoice with the next AV number and a reason, once", async () => {
    const { owner, january } = await familyWithTwoInvoices();
    const params = { communeId: town.id, invoiceId: january.id, reason: "Erreur de tarif", userId: owner.agent.id };
    const result = await cancelInvoiceByCreditNote(database.db, params);
    expect(result).toMatchObject({ ok: true, alreadyCancelled: false });
    if (!result.ok) return;
    expect(result.creditNote).toMatchObject({
      amountCents: 1410,
      householdId: owner.householdId,
      reason: "Erreur de tarif",
      createdByUserId: owner.agent.id,
    });
    expect(result.creditNote.reference).toMatch(/^AV\d{4}-\d{6}$/);
    const cancelled = await invoiceRow(january.id);
    expect(invoiceStatus(cancelled)).toBe("cancelled");
    expect(cancelled).toMatchObject({ amountCents: 1410, paidCents: 0 });

    const again = await cancelInvoiceByCreditNote(database.db, { ...params, reason: "Autre" });
    expect(again).toMatchObject({
      ok: true,
      alreadyCancelled: true,
      message: `La facture ${january.reference} est déjà annulée par l'avoir ${result.creditNote.reference}.`,
    });
    expect(await database.db.select().from(creditNotes).where(eq(creditNotes.invoiceId, january.id))).toHaveLength(1);
  });

  it("are refused while a payment settles part of the invoice, then allowed once it is cancelled", async () => {
    const { owner, february } = await familyWithTwoInvoices();
    const recorded = await recordPayment(
      database.db,
      cheque(owner, { amountCents: 100, allocations: [{ invoiceId: february.id, amountCents: 100 }] }),
    );
    if (!recorded.ok) throw new Error("not recorded");
    const params = { communeId: town.id, invoiceId: february.id, reason: "Doublon", userId: owner.agent.id };
    expect(await cancelInvoiceByCreditNote(database.db, params)).toEqual({
      ok: false,
      refusal: { code: "paid", message: PAID_INVOICE_MESSAGE },
    });
    expect((await invoiceRow(february.id)).cancelledOn).toBeNull();
    await cancelPayment(database.db, {
      communeId: town.id,
      paymentId: recorded.payment.id,
      reason: "Rejet",
      userId: owner.agent.id,
    });
    expect(await cancelInvoiceByCreditNote(database.db, params)).toMatchObject({ ok: true, alreadyCancelled: false });
  });

  it("are refused for an invoice of another commune", async () => {
    const elsewhere = await insertCommune(database.db);
    const { owner, january } = await familyWithTwoInvoices(elsewhere.id);
    expect(
      await cancelInvoiceByCreditNote(database.db, {
        communeId: town.id,
        invoiceId: january.id,
        reason: "Intrusion",
        userId: owner.agent.id,
      }),
    ).toMatchObject({ ok: false, refusal: { code: "not_found" } });
    expect((await invoiceRow(january.id)).cancelledOn).toBeNull();
  });
});

describe("treasury", () => {
  it("lists and transmits, in one bulk, only the unpaid invoices past due + the régie's delay", async () => {
    const commune = await insertCommune(database.db);
    const regie = await insertRegie(database.db, { communeId: commune.id, treasuryDelayDays: 10 });
    const owner = await insertFamily(database.db, commune.id);
    const invoice = (overrides: Partial<Parameters<typeof insertInvoice>[1]>) =>
      insertInvoice(database.db, {
        ...owner.scope,
        regieId: regie.id,
        amountCents: 2000,
        dueOn: "2027-01-25",
        ...overrides,
      });
    // Today 2027-02-05: due 25/01 + 10 days = 04/02 < 05/02.
    const today = "2027-02-05";
    const overdue = await invoice({});
    const partlyPaid = await invoice({ paidCents: 500 });
    const justInTime = await invoice({ dueOn: "2027-01-26" });
    const paid = await invoice({ paidCents: 2000 });
    const directDebit = await invoice({ directDebitOn: "2027-01-25" });
    const cancelled = await invoice({ cancelledOn: "2027-01-20" });
    const already = await invoice({ treasuryOn: "2027-02-01" });
    const noRegie = await invoice({ regieId: null, dueOn: "2027-01-05" });
    const foreignTown = await insertCommune(database.db);
    const foreignOwner = await insertFamily(database.db, foreignTown.id);
    const foreign = await insertInvoice(database.db, {
      ...foreignOwner.scope,
      amountCents: 2000,
      dueOn: "2026-01-01",
    });

    const eligible = await listTreasuryEligible(database.db, { communeId: commune.id, today });
    expect(eligible.total).toBe(3);
    expect(eligible.rows.map((row) => row.id).sort()).toEqual([overdue.id, partlyPaid.id, noRegie.id].sort());

    const everyId = [overdue, partlyPaid, justInTime, paid, directDebit, cancelled, already, noRegie, foreign].map(
      (row) => row.id,
    );
    const result = await transmitToTreasury(database.db, {
      communeId: commune.id,
      invoiceIds: everyId,
      userId: owner.agent.id,
      today,
    });
    expect(result.count).toBe(3);
    for (const row of [overdue, partlyPaid, noRegie]) expect((await invoiceRow(row.id)).treasuryOn).toBe(today);
    expect((await invoiceRow(already.id)).treasuryOn).toBe("2027-02-01");
    for (const row of [justInTime, paid, directDebit, cancelled, foreign])
      expect((await invoiceRow(row.id)).treasuryOn).toBeNull();
    expect(invoiceStatus(await invoiceRow(partlyPaid.id))).toBe("treasury");

    // Again: nothing left to transmit.
    expect(
      await transmitToTreasury(database.db, {
        communeId: commune.id,
        invoiceIds: everyId,
        userId: owner.agent.id,
        today,
      }),
    ).toEqual({ count: 0, references: [] });
    const audit = await database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.communeId, commune.id), eq(auditLog.action, "invoice.transmitted_to_treasury")));
    expect(audit).toHaveLength(1);
  });
});

import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { children, guardians, subscriptions } from "@/db/schema";
import { insertCommune, insertUser } from "@/lib/testing/fixtures";
import { setUpTestDatabase } from "@/lib/testing/set-up-test-database";
import {
  insertBillingFamily,
  insertCreditNote,
  insertInvoice,
  insertNature,
  insertPayment,
  insertRegie,
} from "../testing-fixtures";
import { listAttestationYears, loadChildcareAttestation } from "./attestation-data";
import { findViewableInvoice } from "./detail";
import { listFamilyInvoices, listInvoiceFilterChoices } from "./invoices";
import { listFamilyOperations, listFamilyPayments } from "./operations";

const database = setUpTestDatabase();

/**
 * A commune with a régie and two natures; the MARTIN household with an invoice in every state, another household
 * of the same commune with its own invoice, and a household of another commune.
 */
async function setUp() {
  const db = database.db;
  const commune = await insertCommune(db);
  const regie = await insertRegie(db, { communeId: commune.id });
  const meals = await insertNature(db, {
    communeId: commune.id,
    regieId: regie.id,
    label: "Restauration scolaire",
    childcare: false,
  });
  const care = await insertNature(db, { communeId: commune.id, regieId: regie.id, label: "Périscolaire" });
  const mine = await insertBillingFamily(db, commune.id, "MARTIN");
  const other = await insertBillingFamily(db, commune.id, "DURAND");
  const h = { communeId: commune.id, householdId: mine.householdId, regieId: regie.id };
  const careLine = (quantity: number) => ({ childId: mine.child.id, natureId: care.id, quantity, unitCents: 150 });

  const paid = await insertInvoice(db, { ...h, issuedOn: "2026-11-05", dueOn: "2026-11-25", lines: [careLine(10)] });
  const cheque = await insertPayment(db, {
    ...h,
    receivedOn: "2026-11-20",
    allocations: [{ invoiceId: paid.id, amountCents: 1500 }],
  });
  const partial = await insertInvoice(db, {
    ...h,
    payerGuardianId: mine.guardian.id,
    issuedOn: "2026-12-05",
    dueOn: "2026-12-25",
    lines: [
      {
        childId: mine.child.id,
        activityLabel: "2/Repas Sco",
        natureId: meals.id,
        quantity: 5,
        unitCents: 410,
        note: "2 absences prévenues dans les délais, non facturées",
      },
      careLine(2),
    ],
  });
  const online = await insertPayment(db, {
    ...h,
    method: "card_online",
    description: "Règlement en ligne - Transaction n° 3fe56d",
    receivedOn: "2026-12-10",
    allocations: [{ invoiceId: partial.id, amountCents: 1000 }],
  });
  const rejected = await insertPayment(db, {
    ...h,
    receivedOn: "2026-12-12",
    allocations: [{ invoiceId: partial.id, amountCents: 1350 }],
    cancelReason: "Chèque rejeté par la banque",
  });
  const due = await insertInvoice(db, { ...h, issuedOn: "2027-01-05", dueOn: "2027-01-25", lines: [careLine(4)] });
  const treasury = await insertInvoice(db, {
    ...h,
    issuedOn: "2026-10-05",
    dueOn: "2026-10-25",
    amountCents: 500,
    treasuryOn: "2026-12-30",
  });
  const cancelled = await insertInvoice(db, { ...h, issuedOn: "2027-01-06", amountCents: 700 });
  const credit = await insertCreditNote(db, {
    communeId: commune.id,
    householdId: mine.householdId,
    invoiceId: cancelled.id,
    amountCents: 700,
    issuedOn: "2027-01-08",
  });
  const debit = await insertInvoice(db, {
    ...h,
    issuedOn: "2027-01-05",
    dueOn: "2027-01-25",
    amountCents: 800,
    directDebitOn: "2027-01-25",
  });
  const othersInvoice = await insertInvoice(db, {
    communeId: commune.id,
    householdId: other.householdId,
    regieId: regie.id,
    issuedOn: "2027-01-05",
    amountCents: 999,
  });

  const elsewhere = await insertCommune(db);
  const foreign = await insertBillingFamily(db, elsewhere.id, "MARTIN");
  const foreignInvoice = await insertInvoice(db, {
    communeId: elsewhere.id,
    householdId: foreign.householdId,
    issuedOn: "2027-01-05",
    amountCents: 1234,
  });

  const scope = { communeId: commune.id, userId: mine.family.id, householdId: mine.householdId };
  return {
    db,
    commune,
    elsewhere,
    regie,
    natures: { meals, care },
    mine,
    other,
    foreign,
    scope,
    invoices: { paid, partial, due, treasury, cancelled, debit, othersInvoice, foreignInvoice },
    payments: { cheque, online, rejected },
    credit,
  };
}

describe("Mes factures", () => {
  it("lists the household's invoices newest first, each with its live règlements", async () => {
    const s = await setUp();
    const list = await listFamilyInvoices(s.db, s.scope);
    expect(list.map((i) => i.reference)).toEqual(
      [s.invoices.cancelled, s.invoices.debit, s.invoices.due, s.invoices.partial, s.invoices.paid, s.invoices.treasury]
        .sort((a, b) => b.issuedOn.localeCompare(a.issuedOn) || b.reference.localeCompare(a.reference))
        .map((i) => i.reference),
    );
    const partial = list.find((i) => i.id === s.invoices.partial.id)!;
    expect(partial).toMatchObject({ amountCents: 2350, paidCents: 1000 });
    // The rejected cheque no longer counts: only the online payment settles it.
    expect(partial.settlements).toEqual([
      {
        paymentId: s.payments.online.id,
        receivedOn: "2026-12-10",
        operationNumber: s.payments.online.operationNumber,
        description: "Règlement en ligne - Transaction n° 3fe56d",
        method: "card_online",
        amountCents: 1000,
      },
    ]);
    expect(list.find((i) => i.id === s.invoices.paid.id)!.settlements.map((p) => p.amountCents)).toEqual([1500]);
    expect(list.find((i) => i.id === s.invoices.treasury.id)!.treasuryContact).toContain(
      "Service de gestion comptable",
    );
  });

  it("filters by nature, year and what is still to pay here", async () => {
    const s = await setUp();
    const refs = async (filters: object) =>
      (await listFamilyInvoices(s.db, { ...s.scope, ...filters })).map((i) => i.id).sort();
    const ids = (...rows: { id: string }[]) => rows.map((r) => r.id).sort();
    expect(await refs({ natureId: s.natures.meals.id })).toEqual(ids(s.invoices.partial));
    expect(await refs({ natureId: s.natures.care.id })).toEqual(
      ids(s.invoices.paid, s.invoices.partial, s.invoices.due),
    );
    expect(await refs({ year: 2026 })).toEqual(ids(s.invoices.paid, s.invoices.partial, s.invoices.treasury));
    // À payer: a balance, not cancelled, not at the treasury (a direct debit still to be taken is due).
    expect(await refs({ toPay: true })).toEqual(ids(s.invoices.partial, s.invoices.due, s.invoices.debit));
    expect(await refs({ toPay: true, year: 2027, natureId: s.natures.care.id })).toEqual(ids(s.invoices.due));
    expect(await refs({ year: 2025 })).toEqual([]);
  });

  it("offers the commune's natures and the household's years", async () => {
    const s = await setUp();
    expect(await listInvoiceFilterChoices(s.db, s.scope)).toEqual({
      natures: [
        { id: s.natures.care.id, label: "Périscolaire" },
        { id: s.natures.meals.id, label: "Restauration scolaire" },
      ],
      years: [2027, 2026],
    });
  });

  it("reads nothing of a household the account is not subscribed to, nor of another commune", async () => {
    const s = await setUp();
    const forged = { ...s.scope, householdId: s.other.householdId };
    expect(await listFamilyInvoices(s.db, forged)).toEqual([]);
    expect((await listInvoiceFilterChoices(s.db, forged)).years).toEqual([]);
    expect(await listFamilyOperations(s.db, { ...forged, order: "desc" })).toEqual([]);
    expect(await listFamilyPayments(s.db, forged)).toEqual([]);
    // The foreign household is the account's neither, nor of this commune.
    const foreign = { ...s.scope, householdId: s.foreign.householdId };
    expect(await listFamilyInvoices(s.db, foreign)).toEqual([]);
    expect(
      await listFamilyInvoices(s.db, {
        communeId: s.elsewhere.id,
        userId: s.mine.family.id,
        householdId: s.foreign.householdId,
      }),
    ).toEqual([]);
    // Its own account through this commune's address reads nothing either.
    expect(
      await listFamilyInvoices(s.db, {
        communeId: s.commune.id,
        userId: s.foreign.family.id,
        householdId: s.foreign.householdId,
      }),
    ).toEqual([]);
    expect(
      await listFamilyOperations(s.db, {
        communeId: s.commune.id,
        userId: s.foreign.family.id,
        householdId: s.foreign.householdId,
        order: "asc",
      }),
    ).toEqual([]);
    // Unsubscribed: the same account reads nothing of its former household.
    await s.db.delete(subscriptions).where(eq(subscriptions.userId, s.mine.family.id));
    expect(await listFamilyInvoices(s.db, s.scope)).toEqual([]);
  });
});

describe("an invoice's detail", () => {
  it("gives the family its invoice with lines, payments, payer code and régie, and the same to the commune's staff", async () => {
    const s = await setUp();
    await s.db.update(guardians).set({ personalCode: "PC4821" }).where(eq(guardians.id, s.mine.guardian.id));
    const id = s.invoices.partial.id;
    const detail = await findViewableInvoice(s.db, { communeId: s.commune.id, viewer: s.mine.family, invoiceId: id });
    expect(detail).toMatchObject({
      reference: s.invoices.partial.reference,
      householdName: "MARTIN",
      amountCents: 2350,
      paidCents: 1000,
      personalCode: "PC4821",
      paymentInstructions: s.regie.paymentInstructions,
      creditNote: null,
    });
    expect(detail!.lines.map((l) => [l.activityLabel, l.quantity, l.unitCents, l.note])).toEqual([
      ["1/Péri MATIN", 2, 150, null],
      ["2/Repas Sco", 5, 410, "2 absences prévenues dans les délais, non facturées"],
    ]);
    expect(detail!.settlements.map((p) => p.operationNumber)).toEqual([s.payments.online.operationNumber]);

    const agent = await findViewableInvoice(s.db, { communeId: s.commune.id, viewer: s.mine.agent, invoiceId: id });
    expect(agent?.id).toBe(id);
    const admin = await insertUser(s.db, s.commune.id, "admin");
    expect((await findViewableInvoice(s.db, { communeId: s.commune.id, viewer: admin, invoiceId: id }))?.id).toBe(id);

    const cancelled = await findViewableInvoice(s.db, {
      communeId: s.commune.id,
      viewer: s.mine.family,
      invoiceId: s.invoices.cancelled.id,
    });
    expect(cancelled!.creditNote).toMatchObject({ reference: s.credit.reference, amountCents: 700 });
  });

  it("is not found for another household's family, another commune's staff or a foreign id", async () => {
    const s = await setUp();
    const find = (
      communeId: string,
      viewer: { id: string; communeId: string; role: "family" | "agent" | "admin" },
      invoiceId: string,
    ) => findViewableInvoice(s.db, { communeId, viewer, invoiceId });
    expect(await find(s.commune.id, s.other.family, s.invoices.partial.id)).toBeNull();
    expect(await find(s.commune.id, s.mine.family, s.invoices.othersInvoice.id)).toBeNull();
    expect(await find(s.commune.id, s.mine.family, s.invoices.foreignInvoice.id)).toBeNull();
    expect(await find(s.commune.id, s.mine.agent, s.invoices.foreignInvoice.id)).toBeNull();
    const outsider = await insertUser(s.db, s.elsewhere.id, "agent");
    expect(await find(s.elsewhere.id, outsider, s.invoices.partial.id)).toBeNull();
    expect(await find(s.commune.id, outsider, s.invoices.partial.id)).toBeNull();
    expect(await find(s.commune.id, s.mine.family, crypto.randomUUID())).toBeNull();
  });
});

describe("Mes opérations", () => {
  it("runs the balance over invoices, live payments and credit notes, either way round", async () => {
    const s = await setUp();
    const asc = await listFamilyOperations(s.db, { ...s.scope, order: "asc" });
    expect(asc.map((l) => [l.day, l.kind, l.debitCents - l.creditCents, l.balanceCents])).toEqual([
      ["2026-10-05", "invoice", 500, 500],
      ["2026-11-05", "invoice", 1500, 2000],
      ["2026-11-20", "payment", -1500, 500],
      ["2026-12-05", "invoice", 2350, 2850],
      ["2026-12-10", "payment", -1000, 1850],
      // 05/01/2027: the two invoices of the day, in the order they were written.
      ["2027-01-05", "invoice", 600, 2450],
      ["2027-01-05", "invoice", 800, 3250],
      ["2027-01-06", "invoice", 700, 3950],
      ["2027-01-08", "credit_note", -700, 3250],
    ]);
    const desc = await listFamilyOperations(s.db, { ...s.scope, order: "desc" });
    expect(desc).toEqual([...asc].reverse());
    // What is owed in the end is the sum of the open balances (the treasury's included).
    expect(desc[0]!.balanceCents).toBe(0 + 1350 + 600 + 500 + 800);
    expect(asc.find((l) => l.kind === "credit_note")!.label).toBe(
      `Avoir n° ${s.credit.reference} (annule la facture n° ${s.invoices.cancelled.reference})`,
    );
    expect(asc.find((l) => l.id === s.payments.online.id)!.label).toBe(
      `Règlement carte bancaire – facture n° ${s.invoices.partial.reference}`,
    );
  });
});

describe("Mes règlements", () => {
  it("lists every payment newest first with the invoices it settled, the cancelled one with its reason", async () => {
    const s = await setUp();
    const list = await listFamilyPayments(s.db, s.scope);
    expect(list.map((p) => [p.operationNumber, p.typeLabel, p.amountCents, p.cancelled?.reason ?? null])).toEqual([
      [s.payments.rejected.operationNumber, "Chèque", 1350, "Chèque rejeté par la banque"],
      [s.payments.online.operationNumber, "Carte bancaire en ligne", 1000, null],
      [s.payments.cheque.operationNumber, "Chèque", 1500, null],
    ]);
    expect(list[1]!.invoices).toEqual([
      { id: s.invoices.partial.id, reference: s.invoices.partial.reference, amountCents: 1000 },
    ]);
  });
});

describe("attestation de frais de garde", () => {
  it("counts what was paid in the year for the childcare of the children under 6", async () => {
    const s = await setUp();
    // Léa is born in 2017 (not under 6 in 2026): make her younger for this test.
    await s.db.update(children).set({ birthDate: "2021-03-04" }).where(eq(children.id, s.mine.child.id));
    const attestation = await loadChildcareAttestation(s.db, { ...s.scope, year: 2026 });
    // 2026: 15,00 € (all childcare) + 10,00 € of the 23,50 € invoice (20,50 € meals, 3,00 € childcare) → 1,28 €.
    expect(attestation).toMatchObject({
      householdName: "MARTIN",
      payerName: "Mme Claire MARTIN",
      year: 2026,
      children: [{ id: s.mine.child.id, birthDate: "2021-03-04", paidCents: 1500 + Math.round((1000 * 300) / 2350) }],
    });
    expect(
      await loadChildcareAttestation(s.db, { ...s.scope, householdId: s.other.householdId, year: 2026 }),
    ).toBeNull();
    expect(await listAttestationYears(s.db, { ...s.scope, currentYear: 2027 })).toEqual([2026]);
    expect(await listAttestationYears(s.db, { ...s.scope, currentYear: 2028 })).toEqual([2027, 2026]);
  });
});

import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import type { ReactElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { beforeAll, describe, expect, it } from "vitest";
import { PaymentForm } from "@/components/agent/billing/payment-form";
import { type Commune, creditNotes, invoices, payments } from "@/db/schema";
import {
  findAgentInvoice,
  householdBillingSummary,
  listOpenInvoicesOfHousehold,
  searchInvoices,
} from "@/lib/billing/agent-invoices";
import { invoiceStatus } from "@/lib/billing/status";
import { insertInvoice } from "@/lib/billing/testing-fixtures";
import { listTreasuryEligible } from "@/lib/billing/treasury";
import { insertFamily } from "@/lib/family-file/test-fixtures";
import { insertCommune } from "@/lib/testing/fixtures";
import { formData, signInAs } from "@/lib/testing/harness";
import { enableAuthInterrupts, html, pageOutcome } from "@/lib/testing/render-page";
import { setUpTestDatabase } from "@/lib/testing/set-up-test-database";
import { cancelPaymentAction, issueCreditNoteAction } from "./factures/[id]/actions";
import AgentInvoicePage from "./factures/[id]/page";
import AgentInvoicesPage from "./factures/page";
import { recordPaymentAction } from "./reglements/nouveau/actions";
import NewPaymentPage from "./reglements/nouveau/page";
import { transmitToTreasuryAction } from "./tresorerie/actions";
import TreasuryPage from "./tresorerie/page";

const database = setUpTestDatabase();
const db = () => database.db;

type PaymentFormProps = Parameters<typeof PaymentForm>[0];
type Family = Awaited<ReturnType<typeof insertFamily>>;
let townA: Commune;
let townB: Commune;
let martin: Family;
let agentOfB: Family["agent"];

enableAuthInterrupts();
beforeAll(async () => {
  townA = await insertCommune(db());
  townB = await insertCommune(db());
  martin = await insertFamily(db(), townA.id, "MARTIN");
  agentOfB = (await insertFamily(db(), townB.id, "PETIT")).agent;
});

const invoiceRow = async (id: string) => (await db().select().from(invoices).where(eq(invoices.id, id)))[0]!;
const paymentsOf = (householdId: string) => db().select().from(payments).where(eq(payments.householdId, householdId));

const params = (slug: string, id?: string) => Promise.resolve({ commune: slug, id: id ?? "" });
const query = (search: Record<string, string> = {}) => Promise.resolve(search);

async function twoInvoices(family: Family) {
  const january = await insertInvoice(db(), { ...family.scope, amountCents: 1410, dueOn: "2027-01-25" });
  const february = await insertInvoice(db(), { ...family.scope, amountCents: 2500, dueOn: "2027-02-25" });
  return { january, february };
}

/** The payment form as the page posts it. */
const paymentForm = (
  householdId: string,
  rows: { invoiceId: string; amount?: string }[],
  fields: Record<string, string> = {},
) =>
  formData({
    householdId,
    idempotencyKey: randomUUID(),
    method: "cheque",
    receivedOn: "2026-01-05",
    reference: "1234567",
    amount: "39,10",
    ...Object.fromEntries(
      rows.flatMap((row, index) => [
        [`allocations.${index}.invoiceId`, row.invoiceId],
        [`allocations.${index}.selected`, row.amount ? "on" : ""],
        [`allocations.${index}.amount`, row.amount ?? ""],
      ]),
    ),
    ...fields,
  });

describe("Enregistrer un règlement", () => {
  it("records a cheque over two invoices, once for a form sent twice", async () => {
    const family = await insertFamily(db(), townA.id);
    const { january, february } = await twoInvoices(family);
    signInAs(family.agent, townA.slug);
    const form = paymentForm(family.householdId, [
      { invoiceId: january.id, amount: "14,10" },
      { invoiceId: february.id, amount: "10,00" },
    ]);
    form.set("amount", "24,10");
    const first = await recordPaymentAction(townA.slug, null, form);
    expect(first).toMatchObject({
      ok: true,
      message: expect.stringMatching(/^Règlement de 24,10\u00a0€ enregistré sous le n° \d{10}\.$/),
    });
    const again = await recordPaymentAction(townA.slug, null, form);
    expect(again).toMatchObject({ ok: true, message: expect.stringMatching(/^Ce règlement est déjà enregistré/) });
    expect(again?.ok && again.data).toEqual(first?.ok && first.data);
    const [payment] = await paymentsOf(family.householdId);
    expect(payment).toMatchObject({ description: "Chèque n° 1234567", amountCents: 2410, method: "cheque" });
    expect(await paymentsOf(family.householdId)).toHaveLength(1);
    expect(invoiceStatus(await invoiceRow(january.id))).toBe("paid");
    expect(invoiceStatus(await invoiceRow(february.id))).toBe("partially_paid");
    expect(await householdBillingSummary(db(), { communeId: townA.id, householdId: family.householdId })).toEqual({
      invoiceCount: 2,
      openCount: 1,
      dueHereCents: 1500,
      atTreasuryCents: 0,
    });
  });

  it("says what is wrong in French and writes nothing", async () => {
    const family = await insertFamily(db(), townA.id);
    const { january, february } = await twoInvoices(family);
    signInAs(family.agent, townA.slug);
    const rows = [
      { invoiceId: january.id, amount: "20,00" },
      { invoiceId: february.id, amount: "19,10" },
    ];
    expect(await recordPaymentAction(townA.slug, null, paymentForm(family.householdId, rows))).toEqual({
      ok: false,
      message: `Le montant affecté à la facture ${january.reference} (20,00\u00a0€) dépasse son solde (14,10\u00a0€).`,
      fieldErrors: {},
    });
    expect(
      await recordPaymentAction(
        townA.slug,
        null,
        paymentForm(family.householdId, rows, { receivedOn: "2099-01-01", reference: "", amount: "12" }),
      ),
    ).toMatchObject({
      ok: false,
      fieldErrors: {
        reference: ["Saisissez le numéro du chèque."],
        amount: [expect.stringMatching(/^Le montant du règlement \(12,00\u00a0€\) doit être égal/)],
      },
    });
    const dated = await recordPaymentAction(
      townA.slug,
      null,
      paymentForm(family.householdId, [{ invoiceId: january.id, amount: "14,10" }], {
        amount: "14,10",
        receivedOn: "2099-01-01",
      }),
    );
    expect(dated).toMatchObject({
      ok: false,
      fieldErrors: { receivedOn: ["La date de réception ne peut pas être dans le futur."] },
    });
    expect(await paymentsOf(family.householdId)).toEqual([]);
  });

  it("is for staff only", async () => {
    const family = await insertFamily(db(), townA.id);
    const { january } = await twoInvoices(family);
    signInAs(family.family, townA.slug, { secondFactor: "verified" });
    const form = paymentForm(family.householdId, [{ invoiceId: january.id, amount: "14,10" }], { amount: "14,10" });
    expect(await recordPaymentAction(townA.slug, null, form)).toMatchObject({
      ok: false,
      message: "Vous n'avez pas accès à cette action.",
    });
    expect(await pageOutcome(AgentInvoicePage({ params: params(townA.slug, january.id) }))).toBe(
      "NEXT_HTTP_ERROR_FALLBACK;403",
    );
    expect(await paymentsOf(family.householdId)).toEqual([]);
  });
});

describe("the invoice page's actions", () => {
  it("cancel a payment with its reason, then the invoice by a credit note", async () => {
    const family = await insertFamily(db(), townA.id);
    const { january } = await twoInvoices(family);
    signInAs(family.agent, townA.slug);
    await recordPaymentAction(
      townA.slug,
      null,
      paymentForm(family.householdId, [{ invoiceId: january.id, amount: "14,10" }], { amount: "14,10" }),
    );
    const [payment] = await paymentsOf(family.householdId);

    const refused = await issueCreditNoteAction(
      townA.slug,
      null,
      formData({ invoiceId: january.id, reason: "Erreur de tarif" }),
    );
    expect(refused).toEqual({
      ok: false,
      message: "Annulez d'abord les règlements de cette facture.",
      fieldErrors: {},
    });

    expect(await cancelPaymentAction(townA.slug, null, formData({ paymentId: payment!.id, reason: "" }))).toMatchObject(
      { ok: false, fieldErrors: { reason: ["Le motif de l'annulation est obligatoire."] } },
    );
    const cancel = formData({ paymentId: payment!.id, reason: "Chèque rejeté" });
    expect(await cancelPaymentAction(townA.slug, null, cancel)).toMatchObject({
      ok: true,
      message: `Le règlement n° ${payment!.operationNumber} de 14,10\u00a0€ est annulé.`,
    });
    expect(await cancelPaymentAction(townA.slug, null, cancel)).toMatchObject({
      ok: true,
      message: `Le règlement n° ${payment!.operationNumber} est déjà annulé.`,
    });
    expect(invoiceStatus(await invoiceRow(january.id))).toBe("to_pay");

    const creditNote = formData({ invoiceId: january.id, reason: "Erreur de tarif" });
    expect(await issueCreditNoteAction(townA.slug, null, creditNote)).toMatchObject({
      ok: true,
      message: expect.stringMatching(
        new RegExp(`^La facture ${january.reference} est annulée par l'avoir AV\\d{4}-\\d{6}\\.$`),
      ),
    });
    expect(await issueCreditNoteAction(townA.slug, null, creditNote)).toMatchObject({
      ok: true,
      message: expect.stringMatching(/est déjà annulée par l'avoir/),
    });
    const detail = await findAgentInvoice(db(), { communeId: townA.id, invoiceId: january.id });
    expect(detail).toMatchObject({
      creditNote: { reason: "Erreur de tarif" },
      payments: [{ cancelReason: "Chèque rejeté", allocatedCents: 1410 }],
      lines: [{ quantity: 1, unitCents: 1410 }],
    });
    const shown = await html(AgentInvoicePage({ params: params(townA.slug, january.id) }));
    expect(shown).toContain(`<h1>Facture ${january.reference}</h1>`);
    expect(shown).toContain("Annulée par avoir");
    expect(shown).toContain("Chèque rejeté");
    expect(shown).toContain("Léa MARTIN");
  });
});

describe("Trésorerie", () => {
  it("transmits only the selected invoices still eligible today", async () => {
    const town = await insertCommune(db());
    const family = await insertFamily(db(), town.id);
    const old = await insertInvoice(db(), { ...family.scope, amountCents: 900, dueOn: "2020-01-10" });
    const debited = await insertInvoice(db(), {
      ...family.scope,
      amountCents: 900,
      dueOn: "2020-01-10",
      directDebitOn: "2020-01-10",
    });
    const recent = await insertInvoice(db(), { ...family.scope, amountCents: 900, dueOn: "2099-01-10" });
    expect((await listTreasuryEligible(db(), { communeId: town.id })).rows.map((r) => r.id)).toEqual([old.id]);
    signInAs(family.agent, town.slug);
    expect(
      await transmitToTreasuryAction(town.slug, null, formData({ invoiceIds: [old.id, debited.id, recent.id] })),
    ).toMatchObject({
      ok: true,
      message: "1 facture(s) transmise(s) en trésorerie. 2 facture(s) n'étaient plus à transmettre.",
    });
    expect(invoiceStatus(await invoiceRow(old.id))).toBe("treasury");
    expect((await invoiceRow(debited.id)).treasuryOn).toBeNull();
    expect(await transmitToTreasuryAction(town.slug, null, formData({ invoiceIds: old.id }))).toMatchObject({
      ok: false,
      message: "Aucune des factures sélectionnées n'est plus à transmettre en trésorerie.",
    });
    const shown = await html(TreasuryPage({ params: params(town.slug) }));
    expect(shown).toContain("Aucune facture n&#x27;est à transmettre en trésorerie aujourd&#x27;hui.");
  });
});

describe("another commune's staff", () => {
  it("can neither see nor act on this commune's invoices, payments or households", async () => {
    const { january, february } = await twoInvoices(martin);
    signInAs(martin.agent, townA.slug);
    await recordPaymentAction(
      townA.slug,
      null,
      paymentForm(martin.householdId, [{ invoiceId: february.id, amount: "10,00" }], { amount: "10,00" }),
    );
    const [payment] = await paymentsOf(martin.householdId);
    const old = await insertInvoice(db(), { ...martin.scope, amountCents: 700, dueOn: "2020-01-10" });
    const before = await db().select().from(invoices).where(eq(invoices.householdId, martin.householdId));

    signInAs(agentOfB, townB.slug);
    // Pages of commune B, given commune A's ids: not found.
    expect(await pageOutcome(AgentInvoicePage({ params: params(townB.slug, january.id) }))).toBe(
      "NEXT_HTTP_ERROR_FALLBACK;404",
    );
    expect(
      await pageOutcome(
        NewPaymentPage({ params: params(townB.slug), searchParams: query({ famille: martin.householdId }) }),
      ),
    ).toBe("NEXT_HTTP_ERROR_FALLBACK;404");
    expect(
      await pageOutcome(
        AgentInvoicesPage({ params: params(townB.slug), searchParams: query({ famille: martin.householdId }) }),
      ),
    ).toBe("rendered");
    expect(
      await searchInvoices(db(), {
        communeId: townB.id,
        query: "",
        status: "all",
        householdId: martin.householdId,
        page: 1,
      }),
    ).toMatchObject({ total: 0, items: [] });
    expect(
      (await searchInvoices(db(), { communeId: townB.id, query: january.reference, status: "all", page: 1 })).total,
    ).toBe(0);
    expect(await findAgentInvoice(db(), { communeId: townB.id, invoiceId: january.id })).toBeNull();
    expect(await listOpenInvoicesOfHousehold(db(), { communeId: townB.id, householdId: martin.householdId })).toEqual(
      [],
    );
    expect((await listTreasuryEligible(db(), { communeId: townB.id })).rows.map((r) => r.id)).not.toContain(old.id);
    // Commune A's pages, with a session of commune B: never rendered.
    expect(await pageOutcome(AgentInvoicePage({ params: params(townA.slug, january.id) }))).toMatch(/^NEXT_REDIRECT/);

    // Actions through commune B, on commune A's ids: refused.
    expect(
      await recordPaymentAction(
        townB.slug,
        null,
        paymentForm(martin.householdId, [{ invoiceId: january.id, amount: "14,10" }], { amount: "14,10" }),
      ),
    ).toMatchObject({ ok: false, message: "Facture introuvable pour cette famille." });
    expect(
      await cancelPaymentAction(townB.slug, null, formData({ paymentId: payment!.id, reason: "Intrusion" })),
    ).toMatchObject({ ok: false, message: "Règlement introuvable." });
    expect(
      await issueCreditNoteAction(townB.slug, null, formData({ invoiceId: january.id, reason: "Intrusion" })),
    ).toMatchObject({ ok: false, message: "Facture introuvable." });
    expect(await transmitToTreasuryAction(townB.slug, null, formData({ invoiceIds: old.id }))).toMatchObject({
      ok: false,
    });
    // Actions through commune A's slug with commune B's session: refused before anything.
    expect(
      await issueCreditNoteAction(townA.slug, null, formData({ invoiceId: january.id, reason: "Intrusion" })),
    ).toMatchObject({ ok: false, message: "Votre session a expiré. Veuillez vous reconnecter." });

    expect(await db().select().from(invoices).where(eq(invoices.householdId, martin.householdId))).toEqual(before);
    expect(await paymentsOf(martin.householdId)).toMatchObject([{ id: payment!.id, cancelledAt: null }]);
    expect(await db().select().from(creditNotes).where(eq(creditNotes.householdId, martin.householdId))).toEqual([]);
  });
});

describe("the pages", () => {
  it("show a household's open invoices to pay, prefilled with their balance, with a fresh key", async () => {
    const family = await insertFamily(db(), townA.id, "DURAND");
    const { january, february } = await twoInvoices(family);
    await db().update(invoices).set({ paidCents: 500 }).where(eq(invoices.id, february.id));
    signInAs(family.agent, townA.slug);
    const page = () =>
      NewPaymentPage({ params: params(townA.slug), searchParams: query({ famille: family.householdId }) });
    const element = await page();
    const shown = renderToStaticMarkup(element);
    expect(shown).toContain("<h1>Enregistrer un règlement – Famille DURAND</h1>");
    expect(shown).toContain(`aria-label="Régler la facture ${january.reference}"`);
    expect(shown).toContain("Partiellement payée");
    // The form's values (set on the fields once the page is live) and its key, new at each display.
    const form = (tree: ReactElement) =>
      (tree.props as { children: ReactElement[] }).children.find((child) => child?.type === PaymentForm)!
        .props as PaymentFormProps;
    expect(form(element).invoices.map((invoice) => [invoice.reference, invoice.balanceCents])).toEqual([
      [january.reference, 1410],
      [february.reference, 2000],
    ]);
    expect(form(element).idempotencyKey).toMatch(/^[0-9a-f-]{36}$/);
    expect(form(await page()).idempotencyKey).not.toBe(form(element).idempotencyKey);

    const list = await html(
      AgentInvoicesPage({ params: params(townA.slug), searchParams: query({ famille: family.householdId }) }),
    );
    expect(list).toContain("Factures de la famille DURAND (2 résultats)");
    expect(list).toContain(january.reference);
  });
});

describe("the invoices list", () => {
  it("finds by family name or number, and by state as the status says", async () => {
    const town = await insertCommune(db());
    const bernard = await insertFamily(db(), town.id, "BERNARD");
    const moreau = await insertFamily(db(), town.id, "MOREAU");
    const toPay = await insertInvoice(db(), { ...bernard.scope, amountCents: 1000 });
    const partly = await insertInvoice(db(), {
      ...bernard.scope,
      amountCents: 1000,
      paidCents: 400,
      reference: "F2027-424242",
    });
    const paid = await insertInvoice(db(), { ...moreau.scope, amountCents: 1000, paidCents: 1000 });
    const debit = await insertInvoice(db(), { ...moreau.scope, amountCents: 1000, directDebitOn: "2027-02-05" });
    const cancelled = await insertInvoice(db(), { ...moreau.scope, amountCents: 1000, cancelledOn: "2027-01-06" });
    const treasury = await insertInvoice(db(), { ...moreau.scope, amountCents: 1000, treasuryOn: "2027-03-01" });
    const found = async (query: string, status: Parameters<typeof searchInvoices>[1]["status"] = "all") =>
      (await searchInvoices(db(), { communeId: town.id, query, status, page: 1 })).items.map((i) => i.id).sort();
    const ids = (...rows: { id: string }[]) => rows.map((row) => row.id).sort();
    expect(await found("bern")).toEqual(ids(toPay, partly));
    expect(await found("F2027-4242")).toEqual(ids(partly));
    expect(await found("", "to_pay")).toEqual(ids(toPay));
    expect(await found("", "partially_paid")).toEqual(ids(partly));
    expect(await found("", "paid")).toEqual(ids(paid));
    expect(await found("", "direct_debit")).toEqual(ids(debit));
    expect(await found("", "cancelled")).toEqual(ids(cancelled));
    expect(await found("", "treasury")).toEqual(ids(treasury));
    expect(await found("", "open")).toEqual(ids(toPay, partly, debit, treasury));
    expect(await found("100%_")).toEqual([]);
    for (const row of [toPay, partly, paid, debit, cancelled, treasury]) {
      const status = invoiceStatus(await invoiceRow(row.id));
      expect(await found("", status)).toContain(row.id);
    }
  });
});

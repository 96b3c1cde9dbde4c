import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { invoices, payments, regies } from "@/db/schema";
import { NOT_PAYABLE_MESSAGES } from "@/lib/billing/online/labels";
import { SERVICE_UNAVAILABLE_MESSAGE } from "@/lib/billing/online/start";
import { idOpOf, insertOnlinePaymentWorld, invoiceAttempts } from "@/lib/billing/online/testing-fixtures";
import { insertBillingFamily, insertInvoice } from "@/lib/billing/testing-fixtures";
import { redirectTarget } from "@/lib/households/demo-fixture";
import { decideSimulatedPayment } from "@/lib/payfip/simulator/service";
import { inProcessSimulatorFetch } from "@/lib/payfip/simulator/testing";
import { insertCommune, insertUser } from "@/lib/testing/fixtures";
import { formData, signInAs } from "@/lib/testing/harness";
import { enableAuthInterrupts, html, pageOutcome, text } from "@/lib/testing/render-page";
import { setUpTestDatabase } from "@/lib/testing/set-up-test-database";
import { GET as comeBack } from "../../api/paiement-en-ligne/retour/route";
import { payInvoiceOnline } from "./actions";
import InvoicePage from "./factures/[id]/page";
import BillingSpacePage from "./page";
import OnlinePaymentPage from "./paiements/[id]/page";

/* Payer en ligne from the family's side: the action, the buttons of Mes factures and the invoice, the result page. */

const database = setUpTestDatabase();
const db = () => database.db;

enableAuthInterrupts();
beforeAll(() => {
  // The portal's calls to PayFiP reach the simulator in process, over its real XML.
  vi.stubGlobal("fetch", inProcessSimulatorFetch(db()));
});

const pay = (slug: string, invoiceId: string) => payInvoiceOnline(slug, null, formData({ invoiceId }));
const attemptsOf = (invoiceId: string) => invoiceAttempts(db(), invoiceId);

/** A commune whose régie is on PayFiP (the simulator), MARTIN subscribed with an invoice of 86,40 € to pay. */
async function insertOnlinePayer() {
  const commune = await insertCommune(db());
  const world = await insertOnlinePaymentWorld(db(), { communeId: commune.id });
  return { commune, regie: world.regie, martin: world.family, invoice: world.invoice };
}

const billingPage = (slug: string) =>
  BillingSpacePage({ params: Promise.resolve({ commune: slug }), searchParams: Promise.resolve({}) });
const invoicePage = (slug: string, id: string) => InvoicePage({ params: Promise.resolve({ commune: slug, id }) });
const resultPage = (slug: string, id: string) => OnlinePaymentPage({ params: Promise.resolve({ commune: slug, id }) });

describe("Payer en ligne", () => {
  it("sends the family to PayFiP's card page, and a second click to the same one, never a second payment", async () => {
    const { commune, martin, invoice } = await insertOnlinePayer();
    signInAs(martin.family, commune.slug);
    const cardPage = await redirectTarget(pay(commune.slug, invoice.id));
    expect(cardPage).toMatch(
      /^http:\/\/localhost:3000\/simulateur-payfip\/tpa\/paiementws\.web\?idop=[A-Za-z0-9]{20,}$/,
    );
    expect(await redirectTarget(pay(commune.slug, invoice.id))).toBe(cardPage);
    const [attempt, ...others] = await attemptsOf(invoice.id);
    expect(others).toEqual([]);
    expect(attempt).toMatchObject({
      state: "open",
      idOp: idOpOf(cardPage),
      amountCents: 8640,
      email: martin.family.email,
      householdId: martin.householdId,
      startedByUserId: martin.family.id,
    });
  });

  it("refuses another household's invoice, another commune's session and staff, writing nothing", async () => {
    const { commune, invoice } = await insertOnlinePayer();
    const stranger = await insertBillingFamily(db(), commune.id, "DUPONT");
    signInAs(stranger.family, commune.slug);
    expect(await pay(commune.slug, invoice.id)).toEqual({
      ok: false,
      message: "Cette facture est introuvable.",
      fieldErrors: {},
    });
    // A family of another town, on this town's address or its own.
    const elsewhere = await insertCommune(db());
    const other = await insertBillingFamily(db(), elsewhere.id, "PETIT");
    signInAs(other.family, elsewhere.slug);
    expect(await pay(commune.slug, invoice.id)).toMatchObject({
      ok: false,
      message: expect.stringContaining("session"),
    });
    expect(await pay(elsewhere.slug, invoice.id)).toMatchObject({
      ok: false,
      message: "Cette facture est introuvable.",
    });
    signInAs(await insertUser(db(), commune.id, "agent"), commune.slug);
    expect(await pay(commune.slug, invoice.id)).toMatchObject({
      ok: false,
      message: "Vous n'avez pas accès à cette action.",
    });
    expect(await pay(commune.slug, "pas-un-identifiant")).toMatchObject({ ok: false });
    expect(await attemptsOf(invoice.id)).toEqual([]);
  });

  it("says why an invoice cannot be paid online, beside the button", async () => {
    const { commune, regie, martin } = await insertOnlinePayer();
    const atTreasury = await insertInvoice(db(), { ...martin.scope, regieId: regie.id, treasuryOn: "2027-02-25" });
    signInAs(martin.family, commune.slug);
    expect(await pay(commune.slug, atTreasury.id)).toMatchObject({ ok: false, message: NOT_PAYABLE_MESSAGES.treasury });
    expect(await attemptsOf(atTreasury.id)).toEqual([]);
  });

  it("says so beside the button when PayFiP cannot be reached", async () => {
    const { commune, martin, invoice } = await insertOnlinePayer();
    signInAs(martin.family, commune.slug);
    vi.stubGlobal("fetch", async () => {
      throw new TypeError("fetch failed: ECONNREFUSED");
    });
    try {
      expect(await pay(commune.slug, invoice.id)).toMatchObject({ ok: false, message: SERVICE_UNAVAILABLE_MESSAGE });
    } finally {
      vi.stubGlobal("fetch", inProcessSimulatorFetch(db()));
    }
    expect(await attemptsOf(invoice.id)).toMatchObject([{ state: "failed" }]);
  });
});

describe("the buttons of Mes factures and the invoice page", () => {
  it("offers Payer en ligne on a payable invoice only, then says the payment is being confirmed", async () => {
    const { commune, regie, martin, invoice } = await insertOnlinePayer();
    const atTreasury = await insertInvoice(db(), { ...martin.scope, regieId: regie.id, treasuryOn: "2027-02-25" });
    signInAs(martin.family, commune.slug);
    let list = await text(billingPage(commune.slug));
    expect(list).toContain(`Payer en ligne la facture ${invoice.reference}`);
    expect(list).not.toContain(`Payer en ligne la facture ${atTreasury.reference}`);
    expect(await text(invoicePage(commune.slug, invoice.id))).toContain("Payer en ligne");
    expect(await text(invoicePage(commune.slug, atTreasury.id))).not.toContain("Payer en ligne");

    await redirectTarget(pay(commune.slug, invoice.id));
    const [attempt] = await attemptsOf(invoice.id);
    list = await text(billingPage(commune.slug));
    expect(list).toContain("Paiement en cours de confirmation");
    expect(list).not.toContain("Payer en ligne");
    const detail = await html(invoicePage(commune.slug, invoice.id));
    expect(detail).toContain("Paiement en cours de confirmation");
    expect(detail).toContain(`href="/${commune.slug}/espace-facturation/paiements/${attempt!.id}"`);
  });

  it("offers nothing online when the régie has no PayFiP client number", async () => {
    const { commune, regie, martin } = await insertOnlinePayer();
    await db().update(regies).set({ payfipClientNumber: null }).where(eq(regies.id, regie.id));
    signInAs(martin.family, commune.slug);
    expect(await text(billingPage(commune.slug))).not.toContain("Payer en ligne");
  });
});

describe("the result page", () => {
  async function paidThroughTheReturn() {
    const payer = await insertOnlinePayer();
    signInAs(payer.martin.family, payer.commune.slug);
    const idOp = idOpOf(await redirectTarget(pay(payer.commune.slug, payer.invoice.id)));
    const [attempt] = await attemptsOf(payer.invoice.id);
    return { ...payer, idOp, attemptId: attempt!.id };
  }

  it("shows an accepted payment with its transaction, the invoice now paid, and nothing to anyone else", async () => {
    const { commune, martin, invoice, idOp, attemptId } = await paidThroughTheReturn();
    const decided = await decideSimulatedPayment(db(), { idOp, resultCode: "P" });
    const back = await comeBack(
      new Request(`http://localhost:3000/api/paiement-en-ligne/retour?paiement=${attemptId}`),
    );
    expect(back.status).toBe(303);
    const shown = await text(resultPage(commune.slug, attemptId));
    expect(shown).toContain("Paiement accepté");
    expect(shown).toContain(`Transaction n° ${decided!.authorizationNumber}`);
    expect(shown).toContain(`La facture n° ${invoice.reference} est maintenant payée.`);
    expect(shown).toContain("Payée");
    expect(shown).toMatch(/86,40\s€/);
    expect(await db().select().from(payments).where(eq(payments.householdId, martin.householdId))).toHaveLength(1);

    signInAs((await insertBillingFamily(db(), commune.id, "DUPONT")).family, commune.slug);
    expect(await pageOutcome(resultPage(commune.slug, attemptId))).toMatch(/;404$/);
    signInAs(martin.agent, commune.slug);
    expect(await pageOutcome(resultPage(commune.slug, attemptId))).toMatch(/;404$/);
    signInAs(martin.family, commune.slug);
    expect(await pageOutcome(resultPage(commune.slug, "pas-un-identifiant"))).toMatch(/;404$/);
  });

  it.each([
    ["refused", "R", "Paiement refusé"],
    ["abandoned", "A", "Paiement abandonné"],
  ] as const)("tells a %s payment, with nothing debited and a button to try again", async (_, resultCode, title) => {
    const { commune, attemptId, idOp } = await paidThroughTheReturn();
    await decideSimulatedPayment(db(), { idOp, resultCode });
    const shown = await text(resultPage(commune.slug, attemptId));
    expect(shown).toContain(title);
    expect(shown).toContain("Aucun montant n'a été débité.");
    expect(shown).toContain("Réessayer le paiement");
  });

  it("asks PayFiP on display while the result is not known, and says the payment is being confirmed", async () => {
    const { commune, attemptId, idOp, invoice } = await paidThroughTheReturn();
    await decideSimulatedPayment(db(), { idOp, resultCode: "P", resultDelayMs: 10 * 60_000 });
    const shown = await text(resultPage(commune.slug, attemptId));
    expect(shown).toContain("Paiement en cours de confirmation");
    expect(shown).toContain("Actualiser");
    expect(shown).toContain("Reprendre le paiement");
    const [attempt] = await attemptsOf(invoice.id);
    expect(attempt).toMatchObject({ state: "open", checkCount: 1 });
    // Asked again only once the last answer is 10 seconds old.
    await text(resultPage(commune.slug, attemptId));
    expect((await attemptsOf(invoice.id))[0]!.checkCount).toBe(1);
  });

  it("tells a payment received but not put on the invoice", async () => {
    const { commune, attemptId, idOp, invoice } = await paidThroughTheReturn();
    await decideSimulatedPayment(db(), { idOp, resultCode: "P" });
    // Paid at the counter meanwhile: the invoice cannot take the card payment too.
    await db().update(invoices).set({ paidCents: 8640 }).where(eq(invoices.id, invoice.id));
    const shown = await text(resultPage(commune.slug, attemptId));
    expect(shown).toContain("Votre paiement a bien été reçu ; la régie l'affecte à votre facture.");
    expect((await attemptsOf(invoice.id))[0]).toMatchObject({ state: "paid", flag: "not_recorded", paymentId: null });
  });
});

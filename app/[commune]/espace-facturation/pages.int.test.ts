import { describe, expect, it } from "vitest";
import { subscriptions } from "@/db/schema";
import {
  insertBillingFamily,
  insertInvoice,
  insertNature,
  insertPayment,
  insertRegie,
} from "@/lib/billing/testing-fixtures";
import { insertCommune, insertUser } from "@/lib/testing/fixtures";
import { signInAs } from "@/lib/testing/harness";
import { enableAuthInterrupts, html, pageOutcome, text } from "@/lib/testing/render-page";
import { setUpTestDatabase } from "@/lib/testing/set-up-test-database";
import InvoicePage from "./factures/[id]/page";
import OperationsPage from "./operations/page";
import BillingSpacePage from "./page";
import PaymentsPage from "./reglements/page";

/* The Espace facturation's pages as the server renders them, for an account following two households. */

const database = setUpTestDatabase();

enableAuthInterrupts();

const params = (slug: string) => Promise.resolve({ commune: slug });
const query = (search: Record<string, string> = {}) => Promise.resolve(search);

async function setUp() {
  const db = database.db;
  const commune = await insertCommune(db);
  const regie = await insertRegie(db, { communeId: commune.id });
  const care = await insertNature(db, { communeId: commune.id, regieId: regie.id, label: "Périscolaire" });
  const martin = await insertBillingFamily(db, commune.id, "MARTIN");
  const bernard = await insertBillingFamily(db, commune.id, "BERNARD");
  // MARTIN's account follows BERNARD's household too.
  await db.insert(subscriptions).values({
    communeId: commune.id,
    userId: martin.family.id,
    householdId: bernard.householdId,
    method: "agent",
  });
  const h = { communeId: commune.id, householdId: martin.householdId, regieId: regie.id };
  const paid = await insertInvoice(db, {
    ...h,
    reference: "F2026-000101",
    issuedOn: "2026-11-05",
    dueOn: "2026-11-25",
    lines: [{ childId: martin.child.id, natureId: care.id, quantity: 10, unitCents: 150, note: "1 absence prévenue" }],
  });
  await insertPayment(db, {
    ...h,
    method: "card_online",
    description: "Règlement en ligne - Transaction n° 3fe56d",
    receivedOn: "2026-11-20",
    allocations: [{ invoiceId: paid.id, amountCents: 1500 }],
  });
  const treasury = await insertInvoice(db, {
    ...h,
    reference: "F2026-000102",
    issuedOn: "2026-12-05",
    amountCents: 1410,
    treasuryOn: "2027-01-30",
  });
  await insertPayment(db, {
    ...h,
    receivedOn: "2026-12-10",
    allocations: [{ invoiceId: treasury.id, amountCents: 1410 }],
    cancelReason: "Chèque rejeté par la banque",
  });
  const bernardInvoice = await insertInvoice(db, {
    communeId: commune.id,
    householdId: bernard.householdId,
    reference: "F2026-000103",
    issuedOn: "2026-12-05",
    amountCents: 999,
  });
  const stranger = await insertBillingFamily(db, commune.id, "DUPONT");
  const strangerInvoice = await insertInvoice(db, { ...h, householdId: stranger.householdId, issuedOn: "2026-12-05" });
  signInAs(martin.family, commune.slug);
  // BERNARD comes first (by name): MARTIN's pages are asked for by their household.
  const mine = (search: Record<string, string> = {}) => query({ famille: martin.householdId, ...search });
  return {
    mine,
    db,
    commune,
    martin,
    bernard,
    paid,
    treasury,
    bernardInvoice,
    strangerInvoice,
    slug: commune.slug,
  };
}

describe("Espace facturation pages", () => {
  it("Mes factures: the history with règlements and balance, filters, statuses and the household choice", async () => {
    const s = await setUp();
    const page = await html(BillingSpacePage({ params: params(s.slug), searchParams: s.mine() }));
    const shown = await text(BillingSpacePage({ params: params(s.slug), searchParams: s.mine() }));
    expect(shown).toContain("Historique des factures (2 résultats)");
    expect(shown).toMatch(
      /F2026-000101 .*Payée .*Règlement en ligne - Transaction n° 3fe56d Carte bancaire 15,00\s€ Solde à payer 0,00\s€/,
    );
    // The rejected cheque no longer counts: the treasury invoice shows its whole balance and where to pay it.
    expect(shown).toMatch(/Transmise en trésorerie .*Service de gestion comptable de Vienne/);
    expect(shown).toMatch(/Aucun règlement\. Solde à payer : 14,10\s€/);
    expect(shown).toContain("Périscolaire");
    expect(page).toContain(`href="/${s.slug}/espace-facturation/factures/${s.paid.id}/pdf"`);
    expect(page).toMatch(/aria-current="page"[^>]*>Mes factures</);
    // Two households: a choice, MARTIN's shown; BERNARD's invoice is not on MARTIN's page.
    expect(shown).toContain("Famille MARTIN");
    expect(shown).toContain("Famille BERNARD");
    expect(shown).not.toContain("F2026-000103");
    const bernard = await text(
      BillingSpacePage({ params: params(s.slug), searchParams: query({ famille: s.bernard.householdId }) }),
    );
    expect(bernard).toContain("F2026-000103");
    expect(bernard).not.toContain("F2026-000101");
    // A household the account does not follow falls back to its first one.
    const forged = await text(
      BillingSpacePage({ params: params(s.slug), searchParams: query({ famille: s.strangerInvoice.householdId }) }),
    );
    expect(forged).not.toContain(s.strangerInvoice.reference);
    expect(forged).toContain("F2026-000103");

    // "Factures à payer": the treasury invoice is not payable here, the paid one is done.
    const toPay = await text(BillingSpacePage({ params: params(s.slug), searchParams: s.mine({ apayer: "1" }) }));
    expect(toPay).toContain("Historique des factures (0 résultat)");
    expect(toPay).toContain("Voir toutes les factures");
    // Garbage in the address: the defaults.
    const garbage = await text(
      BillingSpacePage({ params: params(s.slug), searchParams: s.mine({ annee: "deux", nature: "x", apayer: "oui" }) }),
    );
    expect(garbage).toContain("Historique des factures (2 résultats)");
  });

  it("the detail page shows the lines and règlements, and is not found for another household's invoice", async () => {
    const s = await setUp();
    const detail = (id: string) => InvoicePage({ params: Promise.resolve({ commune: s.slug, id }) });
    const shown = await text(detail(s.paid.id));
    expect(shown).toContain("Facture n° F2026-000101");
    expect(shown).toMatch(/1\/Péri MATIN novembre 2026 Jours réservés 1 absence prévenue 10 × 1,50\s€ 15,00\s€/);
    expect(shown).toContain("Télécharger la facture (PDF)");
    expect(await pageOutcome(detail(s.bernardInvoice.id))).toBe("rendered");
    expect(await pageOutcome(detail(s.strangerInvoice.id))).toBe("NEXT_HTTP_ERROR_FALLBACK;404");
    expect(await pageOutcome(detail("pas-un-id"))).toBe("NEXT_HTTP_ERROR_FALLBACK;404");
  });

  it("Mes opérations and Mes règlements", async () => {
    const s = await setUp();
    const operations = await text(OperationsPage({ params: params(s.slug), searchParams: s.mine({ ordre: "asc" }) }));
    expect(operations).toMatch(/Solde actuel : 14,10\s€/);
    expect(operations).toContain("Afficher de la plus récente à la plus ancienne");
    const payments = await text(PaymentsPage({ params: params(s.slug), searchParams: s.mine() }));
    expect(payments).toMatch(/Chèque .*F2026-000102 .*Annulé .*Chèque rejeté par la banque/);
    expect(payments).toContain("Carte bancaire en ligne");
    expect(await html(PaymentsPage({ params: params(s.slug), searchParams: s.mine() }))).toMatch(
      /aria-current="page"[^>]*>Mes règlements</,
    );
  });

  it("without a subscription, each page explains how to get one", async () => {
    const s = await setUp();
    const newcomer = await insertUser(s.db, s.commune.id, "family");
    signInAs(newcomer, s.slug);
    for (const page of [
      BillingSpacePage({ params: params(s.slug), searchParams: query() }),
      OperationsPage({ params: params(s.slug), searchParams: query() }),
      PaymentsPage({ params: params(s.slug), searchParams: query() }),
    ])
      expect(await text(page)).toContain("Votre compte n'est relié à aucun dossier famille");
  });
});

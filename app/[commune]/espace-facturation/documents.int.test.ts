import { eq } from "drizzle-orm";
import { extractText, getDocumentProxy } from "unpdf";
import { describe, expect, it } from "vitest";
import { GET as getAttestation } from "@/app/[commune]/espace-facturation/attestations/[annee]/route";
import { GET as getInvoicePdf } from "@/app/[commune]/espace-facturation/factures/[id]/pdf/route";
import { children, guardians, subscriptions } from "@/db/schema";
import {
  insertBillingFamily,
  insertInvoice,
  insertNature,
  insertPayment,
  insertRegie,
} from "@/lib/billing/testing-fixtures";
import { todayInParis } from "@/lib/clock";
import { insertCommune, insertUser } from "@/lib/testing/fixtures";
import { signInAs, signOutOfHarness } from "@/lib/testing/harness";
import { setUpTestDatabase } from "@/lib/testing/set-up-test-database";

const database = setUpTestDatabase();

/** The PDF's text on one line, spaces of every kind as one. */
async function pdfText(response: Response): Promise<string> {
  const pdf = await getDocumentProxy(new Uint8Array(await response.arrayBuffer()));
  const { text } = await extractText(pdf, { mergePages: true });
  return text.replace(/\s+/g, " ");
}

const lastYear = Number(todayInParis().slice(0, 4)) - 1;

async function setUp() {
  const db = database.db;
  const commune = await insertCommune(db);
  const regie = await insertRegie(db, { communeId: commune.id, name: "Régie enfance jeunesse" });
  const care = await insertNature(db, { communeId: commune.id, regieId: regie.id, label: "Périscolaire" });
  const meals = await insertNature(db, {
    communeId: commune.id,
    regieId: regie.id,
    label: "Restauration scolaire",
    childcare: false,
  });
  const mine = await insertBillingFamily(db, commune.id, "MARTIN");
  const other = await insertBillingFamily(db, commune.id, "DURAND");
  await db.update(guardians).set({ personalCode: "PC4821" }).where(eq(guardians.id, mine.guardian.id));
  const invoice = await insertInvoice(db, {
    communeId: commune.id,
    householdId: mine.householdId,
    regieId: regie.id,
    payerGuardianId: mine.guardian.id,
    reference: "F2027-000001",
    emissionCode: "2027-01-ENF",
    issuedOn: "2027-02-01",
    dueOn: "2027-02-21",
    lines: [
      { childId: mine.child.id, natureId: care.id, activityLabel: "1/Péri MATIN", quantity: 12, unitCents: 150 },
      {
        childId: mine.child.id,
        natureId: meals.id,
        activityLabel: "2/Repas Sco",
        quantity: 16,
        unitCents: 410,
        note: "2 absences prévenues dans les délais, non facturées",
      },
      {
        childId: mine.child.id,
        natureId: meals.id,
        activityLabel: "2/Repas Sco",
        kind: "late_absence",
        quantity: 1,
        unitCents: 410,
      },
    ],
  });
  await insertPayment(db, {
    communeId: commune.id,
    householdId: mine.householdId,
    receivedOn: "2027-02-10",
    allocations: [{ invoiceId: invoice.id, amountCents: 2000 }],
  });
  return { db, commune, regie, care, meals, mine, other, invoice, slug: commune.slug };
}

const pdfOf = (slug: string, id: string) =>
  getInvoicePdf(new Request(`http://localhost:3000/${slug}/espace-facturation/factures/${id}/pdf`), {
    params: Promise.resolve({ commune: slug, id }),
  });

describe("invoice PDF route", () => {
  it("serves the family a real invoice: number, total, balance, how to pay and the subscription references", async () => {
    const { mine, invoice, slug } = await setUp();
    signInAs(mine.family, slug);
    const response = await pdfOf(slug, invoice.id);
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toBe("application/pdf");
    expect(response.headers.get("Content-Disposition")).toBe('attachment; filename="facture-F2027-000001.pdf"');
    expect(response.headers.get("Cache-Control")).toBe("private, no-store");
    expect(response.headers.get("X-Content-Type-Options")).toBe("nosniff");
    const text = await pdfText(response);
    // 12 × 1,50 + 16 × 4,10 + 4,10 = 87,70 €; 20,00 € paid; 67,70 € left.
    for (const expected of [
      "Facture n° F2027-000001",
      "Total de la facture 87,70 €",
      "Déjà réglé 20,00 €",
      "Solde à payer 67,70 €",
      "Code émission : 2027-01-ENF",
      "Référence : F2027-000001",
      "Code personnel : PC4821",
      "Mme Claire MARTIN",
      "Léa MARTIN",
      "1/Péri MATIN",
      "2 absences prévenues dans les délais, non facturées",
      "Absence hors délai, facturée",
      "Date d'échéance : 21/02/2027",
      "Par chèque à l'ordre du Trésor public",
    ])
      expect(text).toContain(expected);
  });

  it("serves the commune's staff, and answers 404 to anyone else alike", async () => {
    const { db, mine, other, invoice, slug } = await setUp();
    signInAs(mine.agent, slug);
    expect((await pdfOf(slug, invoice.id)).status).toBe(200);
    const admin = await insertUser(db, mine.household.communeId, "admin");
    signInAs(admin, slug);
    expect((await pdfOf(slug, invoice.id)).status).toBe(200);

    signInAs(other.family, slug);
    const refused = await pdfOf(slug, invoice.id);
    expect(refused.status).toBe(404);
    expect(refused.headers.get("Cache-Control")).toBe("private, no-store");

    const elsewhere = await insertCommune(db);
    const outsider = await insertUser(db, elsewhere.id, "agent");
    signInAs(outsider, elsewhere.slug);
    expect((await pdfOf(elsewhere.slug, invoice.id)).status).toBe(404);
    expect((await pdfOf(slug, invoice.id)).status).toBe(404);
    const foreignFamily = await insertBillingFamily(db, elsewhere.id);
    // Even subscribed to this very household by a forged row, an account of another commune reads nothing.
    await db.insert(subscriptions).values({
      communeId: elsewhere.id,
      userId: foreignFamily.family.id,
      householdId: mine.householdId,
      method: "agent",
    });
    signInAs(foreignFamily.family, elsewhere.slug);
    expect((await pdfOf(elsewhere.slug, invoice.id)).status).toBe(404);

    signOutOfHarness();
    expect((await pdfOf(slug, invoice.id)).status).toBe(404);
    signInAs(mine.family, slug);
    expect((await pdfOf(slug, crypto.randomUUID())).status).toBe(404);
    expect((await pdfOf(slug, "../../etc")).status).toBe(404);
    expect((await pdfOf("nulle-part", invoice.id)).status).toBe(404);
  });
});

const attestationOf = (slug: string, annee: string, famille?: string) =>
  getAttestation(
    new Request(
      `http://localhost:3000/${slug}/espace-facturation/attestations/${annee}${famille ? `?famille=${famille}` : ""}`,
    ),
    { params: Promise.resolve({ commune: slug, annee }) },
  );

describe("attestation de frais de garde route", () => {
  it("gives the family what it paid last year for the childcare of its children under 6", async () => {
    const { db, mine, other, care, meals, slug, regie } = await setUp();
    await db
      .update(children)
      .set({ birthDate: `${lastYear - 3}-05-10` })
      .where(eq(children.id, mine.child.id));
    const invoice = await insertInvoice(db, {
      communeId: mine.household.communeId,
      householdId: mine.householdId,
      regieId: regie.id,
      issuedOn: `${lastYear}-03-01`,
      lines: [
        { childId: mine.child.id, natureId: care.id, quantity: 10, unitCents: 300 },
        { childId: mine.child.id, natureId: meals.id, quantity: 10, unitCents: 100 },
      ],
    });
    await insertPayment(db, {
      communeId: mine.household.communeId,
      householdId: mine.householdId,
      receivedOn: `${lastYear}-03-15`,
      allocations: [{ invoiceId: invoice.id, amountCents: 4000 }],
    });
    signInAs(mine.family, slug);
    const response = await attestationOf(slug, String(lastYear));
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Disposition")).toBe(
      `attachment; filename="attestation-frais-de-garde-${lastYear}.pdf"`,
    );
    const text = await pdfText(response);
    expect(text).toContain(`Attestation de frais de garde — année ${lastYear}`);
    expect(text).toContain(`Léa MARTIN 10/05/${lastYear - 3} 30,00 €`);
    expect(text).toContain("Total 30,00 €");

    // Not the year in progress, not another household, not an agent's session, not garbage.
    expect((await attestationOf(slug, String(lastYear + 1))).status).toBe(404);
    expect((await attestationOf(slug, "2026abc")).status).toBe(404);
    const forged = await attestationOf(slug, String(lastYear), other.householdId);
    // The famille parameter is only a choice among the account's households: it falls back to its own.
    expect(await pdfText(forged)).toContain("MARTIN");
    signInAs(other.family, slug);
    expect(await pdfText(await attestationOf(slug, String(lastYear), mine.householdId))).not.toContain("Léa MARTIN");
    signInAs(mine.agent, slug);
    expect((await attestationOf(slug, String(lastYear))).status).toBe(404);
  });
});

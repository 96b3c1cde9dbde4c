import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as getAccounting } from "@/app/[commune]/agent/facturation/exports/[id]/ecritures/route";
import { GET as getDirectDebit } from "@/app/[commune]/agent/facturation/exports/[id]/prelevements/route";
import {
  auditLog,
  bankAccounts,
  billingRuns,
  type Commune,
  invoiceLines,
  invoiceNatures,
  invoices,
  regies,
  type User,
} from "@/db/schema";
import { listRuns, mandateReference } from "@/lib/billing/exports";
import { billingOverview } from "@/lib/billing/overview";
import { insertActivity } from "@/lib/bookings/test-fixtures";
import { insertFamily } from "@/lib/family-file/test-fixtures";
import { insertCommune, insertUser } from "@/lib/testing/fixtures";
import { signInAs, signOutOfHarness } from "@/lib/testing/harness";
import { setUpTestDatabase } from "@/lib/testing/set-up-test-database";

const database = setUpTestDatabase();

const IBAN = "FR7630006000011234567890189";

let town: Commune;
let other: Commune;
let agent: User;
let family: User;
let otherAgent: User;
let runId: string;
let otherRunId: string;
let martinId: string;

/**
 * One run of January 2027 in the town: MARTIN (direct debit, two children, a régularisation line giving a day back),
 * DURAND (pays at the régie; its payer's name starts with "=", as a hostile one would), and a cancelled invoice paid
 * by direct debit (left out of the batch). Another commune has a run of its own.
 */
beforeAll(async () => {
  const db = database.db;
  town = await insertCommune(db);
  other = await insertCommune(db);
  const martin = await insertFamily(db, town.id, "MARTIN");
  const durand = await insertFamily(db, town.id, "DURAND");
  const roux = await insertFamily(db, town.id, "ROUX");
  martinId = martin.householdId;
  agent = martin.agent;
  family = martin.family;
  otherAgent = await insertUser(db, other.id, "agent");
  await db.insert(bankAccounts).values([
    {
      communeId: town.id,
      householdId: martin.householdId,
      directDebit: true,
      iban: IBAN,
      bic: "BDFEFRPP",
      holderName: "Claire MARTIN",
    },
    {
      communeId: town.id,
      householdId: roux.householdId,
      directDebit: true,
      iban: IBAN,
      bic: "BDFEFRPP",
      holderName: "ROUX",
    },
  ]);
  const [regie] = await db
    .insert(regies)
    .values({ communeId: town.id, name: "Régie enfance jeunesse", code: "ENF" })
    .returning();
  const [nature] = await db
    .insert(invoiceNatures)
    .values({ communeId: town.id, regieId: regie!.id, label: "Restauration scolaire" })
    .returning();
  const activity = await insertActivity(db, town.id, { natureId: nature!.id });
  const [run] = await db
    .insert(billingRuns)
    .values({
      communeId: town.id,
      regieId: regie!.id,
      period: "2027-01-01",
      emissionCode: "2027-01-ENF",
      issuedOn: "2027-02-01",
      dueOn: "2027-02-21",
      invoiceCount: 3,
      totalCents: 2855,
    })
    .returning();
  runId = run!.id;
  const invoice = (
    householdId: string,
    reference: string,
    amountCents: number,
    extra: Partial<typeof invoices.$inferInsert> = {},
  ) => ({
    communeId: town.id,
    householdId,
    regieId: regie!.id,
    runId,
    emissionCode: "2027-01-ENF",
    reference,
    issuer: regie!.name,
    issuedOn: "2027-02-01",
    dueOn: "2027-02-21",
    period: "2027-01-01",
    amountCents,
    ...extra,
  });
  const [m, d, r] = await db
    .insert(invoices)
    .values([
      invoice(martin.householdId, "F2027-000001", 1435, {
        payerName: "Mme Claire MARTIN",
        payerAddress: "12 rue des Écoles; 38330 Démo",
        directDebitOn: "2027-02-21",
        paidCents: 100,
      }),
      invoice(durand.householdId, "F2027-000002", 1050, { payerName: '=HYPERLINK("http://evil")' }),
      invoice(roux.householdId, "F2027-000003", 370, { directDebitOn: "2027-02-21", cancelledOn: "2027-02-05" }),
    ])
    .returning();
  const line = (
    invoiceId: string,
    householdId: string,
    childName: string,
    quantity: number,
    unitCents: number,
    extra: Partial<typeof invoiceLines.$inferInsert> = {},
  ) => ({
    communeId: town.id,
    householdId,
    invoiceId,
    childName,
    activityId: activity.id,
    activityLabel: "2/Repas Sco — École Jean Moulin",
    natureId: nature!.id,
    month: "2027-01-01",
    kind: "slot" as const,
    quantity,
    unitCents,
    amountCents: quantity * unitCents,
    ...extra,
  });
  await db
    .insert(invoiceLines)
    .values([
      line(m!.id, martin.householdId, "Léa MARTIN", 3, 390),
      line(m!.id, martin.householdId, "Hugo MARTIN", 2, 390, { kind: "late_absence" }),
      line(m!.id, martin.householdId, "Léa MARTIN", 1, 95, { natureId: null, activityLabel: "4/Étude" }),
      line(m!.id, martin.householdId, "Léa MARTIN", -1, 390, { kind: "regularisation", month: "2026-12-01" }),
      line(d!.id, durand.householdId, "Inès DURAND", 3, 350),
      line(r!.id, roux.householdId, "Jules ROUX", 1, 370),
    ]);

  const otherFamily = await insertFamily(db, other.id, "PETIT");
  const [otherRegie] = await db.insert(regies).values({ communeId: other.id, name: "Régie", code: "CANT" }).returning();
  const [otherRun] = await db
    .insert(billingRuns)
    .values({
      communeId: other.id,
      regieId: otherRegie!.id,
      period: "2027-01-01",
      emissionCode: "2027-01-CANT",
      issuedOn: "2027-02-01",
      dueOn: "2027-02-21",
    })
    .returning();
  otherRunId = otherRun!.id;
  await db.insert(invoices).values({
    communeId: other.id,
    householdId: otherFamily.householdId,
    runId: otherRunId,
    emissionCode: "2027-01-CANT",
    reference: "F2027-000001",
    issuer: "Régie",
    issuedOn: "2027-02-01",
    dueOn: "2027-02-21",
    amountCents: 500,
  });
});

const call = (handler: typeof getAccounting, slug: string, id: string) =>
  handler(new Request(`http://portail.test/${slug}/agent/facturation/exports/${id}`), {
    params: Promise.resolve({ commune: slug, id }),
  });

/** The file's rows as cells, after its BOM (no cell of these fixtures holds a quoted line break). */
async function rowsOf(response: Response): Promise<string[][]> {
  const bytes = new Uint8Array(await response.arrayBuffer());
  expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const text = new TextDecoder().decode(bytes.slice(3));
  expect(text.endsWith("\r\n")).toBe(true);
  return text
    .slice(0, -2)
    .split("\r\n")
    .map((row) => row.split(/;(?=(?:[^"]*"[^"]*")*[^"]*$)/));
}

describe("the run's CSV for the accounting software", () => {
  it("gives the commune's staff one row per invoice line, decimal commas, formulas defused", async () => {
    signInAs(agent, town.slug);
    const response = await call(getAccounting, town.slug, runId);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toBe('attachment; filename="ecritures-2027-01-ENF.csv"');
    expect(response.headers.get("cache-control")).toBe("private, no-store");
    const [header, ...rows] = await rowsOf(response);
    expect(header).toEqual([
      "Mois facturé",
      "Code émission",
      "N° facture",
      "Date d'émission",
      "Échéance",
      "Famille",
      "Payeur",
      "Adresse du payeur",
      "Enfant",
      "Activité",
      "Nature",
      "Mois de la prestation",
      "Type de ligne",
      "Quantité",
      "Prix unitaire",
      "Montant",
    ]);
    expect(rows).toHaveLength(6);
    expect(rows[0]).toEqual([
      "01/2027",
      "2027-01-ENF",
      "F2027-000001",
      "01/02/2027",
      "21/02/2027",
      "MARTIN",
      "Mme Claire MARTIN",
      '"12 rue des Écoles; 38330 Démo"',
      "Hugo MARTIN",
      "2/Repas Sco — École Jean Moulin",
      "Restauration scolaire",
      "01/2027",
      "Absence hors délai, facturée",
      "2",
      "3,90",
      "7,80",
    ]);
    const regularisation = rows.find((row) => row[12] === "Régularisation")!;
    expect(regularisation.slice(11)).toEqual(["12/2026", "Régularisation", "-1", "3,90", "-3,90"]);
    expect(rows.find((row) => row[9] === "4/Étude")!.slice(10)).toEqual([
      "",
      "01/2027",
      "Jours réservés",
      "1",
      "0,95",
      "0,95",
    ]);
    const durand = rows.find((row) => row[5] === "DURAND")!;
    expect(durand[6]).toBe('"\'=HYPERLINK(""http://evil"")"');
    // The cancelled invoice was issued by the run: it stays in the run's file.
    expect(rows.filter((row) => row[2] === "F2027-000003")).toHaveLength(1);
  });
});

describe("the run's direct-debit batch", () => {
  it("gives the whole IBAN of each household paying by direct debit, and writes the download to the audit trail", async () => {
    signInAs(agent, town.slug);
    const response = await call(getDirectDebit, town.slug, runId);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-disposition")).toBe('attachment; filename="prelevements-2027-01-ENF.csv"');
    const [header, ...rows] = await rowsOf(response);
    expect(header).toEqual([
      "Code émission",
      "N° facture",
      "Famille",
      "Payeur",
      "Titulaire du compte",
      "IBAN",
      "BIC",
      "Montant",
      "Date de prélèvement",
      "Échéance",
      "Référence du mandat",
      "Anomalie",
    ]);
    // ROUX's invoice was cancelled by a credit note and DURAND pays at the régie: MARTIN alone, for its balance.
    expect(rows).toEqual([
      [
        "2027-01-ENF",
        "F2027-000001",
        "MARTIN",
        "Mme Claire MARTIN",
        "Claire MARTIN",
        IBAN,
        "BDFEFRPP",
        "13,35",
        "21/02/2027",
        "21/02/2027",
        mandateReference(martinId),
        "",
      ],
    ]);
    expect(mandateReference(martinId)).toHaveLength(34);
    const audit = await database.db.select().from(auditLog).where(eq(auditLog.targetId, runId));
    expect(audit).toMatchObject([
      {
        communeId: town.id,
        actorUserId: agent.id,
        action: "billing.direct_debit_exported",
        targetType: "billing_run",
        details: { emissionCode: "2027-01-ENF", period: "2027-01-01", count: 1 },
      },
    ]);
  });

  it("says when a household stopped paying by direct debit or has no IBAN any more", async () => {
    await database.db.update(bankAccounts).set({ directDebit: false }).where(eq(bankAccounts.householdId, martinId));
    signInAs(agent, town.slug);
    const [, row] = await rowsOf(await call(getDirectDebit, town.slug, runId));
    expect(row!.at(-1)).toBe("Le dossier famille n'est plus en prélèvement depuis l'émission");
    await database.db
      .update(bankAccounts)
      .set({ directDebit: true, iban: null })
      .where(eq(bankAccounts.householdId, martinId));
    const [, again] = await rowsOf(await call(getDirectDebit, town.slug, runId));
    expect(again!.slice(5, 6)).toEqual([""]);
    expect(again!.at(-1)).toBe("IBAN manquant");
    await database.db.update(bankAccounts).set({ iban: IBAN }).where(eq(bankAccounts.householdId, martinId));
  });
});

describe("who may download", () => {
  it("answers 404 to another commune's staff, to a family, to nobody signed in and to a malformed id", async () => {
    const before = await database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, "billing.direct_debit_exported"));
    for (const handler of [getAccounting, getDirectDebit]) {
      // Another commune's agent, on its own commune's address with this run's id, and on this commune's address.
      signInAs(otherAgent, other.slug);
      expect((await call(handler, other.slug, runId)).status).toBe(404);
      expect((await call(handler, town.slug, runId)).status).toBe(404);
      // The town's agent asking for the other commune's run.
      signInAs(agent, town.slug);
      expect((await call(handler, town.slug, otherRunId)).status).toBe(404);
      expect((await call(handler, town.slug, "pas-un-uuid")).status).toBe(404);
      expect((await call(handler, "commune-inconnue", runId)).status).toBe(404);
      signInAs(family, town.slug, { secondFactor: "verified" });
      expect((await call(handler, town.slug, runId)).status).toBe(404);
      signOutOfHarness();
      expect((await call(handler, town.slug, runId)).status).toBe(404);
    }
    const after = await database.db.select().from(auditLog).where(eq(auditLog.action, "billing.direct_debit_exported"));
    expect(after).toHaveLength(before.length);
  });
});

describe("the exports page and the hub's figures", () => {
  it("lists the commune's runs with their direct debits, and sums what families can still pay at the régie", async () => {
    expect(await listRuns(database.db, { communeId: town.id })).toMatchObject([
      { id: runId, emissionCode: "2027-01-ENF", regieName: "Régie enfance jeunesse", directDebitCount: 1 },
    ]);
    expect(await listRuns(database.db, { communeId: other.id })).toMatchObject([
      { id: otherRunId, directDebitCount: 0 },
    ]);
    const overview = await billingOverview(database.db, { communeId: town.id, today: "2027-03-01" });
    // DURAND's 10,50 € alone: MARTIN pays by direct debit, ROUX's invoice is cancelled.
    expect(overview.payable).toEqual({ count: 1, balanceCents: 1050, overdueCount: 1 });
    expect(overview.regies).toEqual([
      {
        id: expect.any(String),
        name: "Régie enfance jeunesse",
        code: "ENF",
        lastRun: {
          period: "2027-01-01",
          emissionCode: "2027-01-ENF",
          issuedOn: "2027-02-01",
          invoiceCount: 3,
          totalCents: 2855,
        },
      },
    ]);
    expect((await billingOverview(database.db, { communeId: other.id, today: "2027-02-01" })).payable).toEqual({
      count: 1,
      balanceCents: 500,
      overdueCount: 0,
    });
  });
});

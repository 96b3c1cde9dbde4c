import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import {
  auditLog,
  type BookingStatus,
  bankAccounts,
  billingRuns,
  bookings,
  children,
  closureDays,
  creditNotes,
  guardians,
  households,
  invoiceLines,
  invoices,
  mailOutbox,
} from "@/db/schema";
import { insertActivity } from "@/lib/bookings/test-fixtures";
import { formatEuros } from "@/lib/format";
import { insertCommune, insertUser } from "@/lib/testing/fixtures";
import { setUpTestDatabase } from "@/lib/testing/set-up-test-database";
import { insertNature, insertRegie, insertTariff } from "../testing-fixtures";
import { issueRun } from "./issue";
import { previewRun } from "./preview";

/*
 * The monthly run against a real database: which days it bills at which price, its anomalies, its idempotence, the
 * race of two agents (PostgreSQL only), the régularisations of invoiced months, and the commune's walls.
 * Prices (testing-fixtures TEST_BRACKETS): QF ≤ 600 → 1,80 €, ≤ 1200 → 3,50 €, above → 5,20 €, unknown QF → 6,00 €.
 */

const database = setUpTestDatabase();

const JANUARY = "2027-01-01";
const DECEMBER = "2026-12-01";
const FEBRUARY = "2027-02-01";
/** Runs are started at 10:00 Paris on the 3rd of the next month. */
const runAt = (day: string) => new Date(`${day}T09:00:00Z`);

let households_ = 0;

/** A commune with an agent, a régie "ENF…", a canteen (nature Restauration) and a morning club (nature Périscolaire). */
async function setUpTown(db: Db) {
  const commune = await insertCommune(db);
  const agent = await insertUser(db, commune.id, "agent");
  const regie = await insertRegie(db, { communeId: commune.id, dueDays: 20 });
  const canteen = await insertActivity(db, commune.id, { code: "2", name: "Repas Sco", facility: "École Jean Moulin" });
  const morning = await insertActivity(db, commune.id, {
    code: "1",
    name: "Péri MATIN",
    facility: "École Jean Moulin",
    category: "periscolaire",
  });
  await insertNature(db, { communeId: commune.id, regieId: regie.id, activityIds: [canteen.id] });
  await insertNature(db, { communeId: commune.id, regieId: regie.id, activityIds: [morning.id] });
  await insertTariff(db, { communeId: commune.id, activityId: canteen.id });
  await insertTariff(db, {
    communeId: commune.id,
    activityId: morning.id,
    brackets: [{ upToQuotient: null, unitCents: 120 }],
    defaultUnitCents: 150,
  });
  const scope = { communeId: commune.id, regieId: regie.id };
  return { commune, agent, regie, canteen, morning, scope };
}
type Town = Awaited<ReturnType<typeof setUpTown>>;

/** A household with a payer (Mme Claire NAME, with e-mail unless told) and `childCount` children. */
async function insertHousehold(
  db: Db,
  communeId: string,
  options: { familyQuotient?: number | null; payer?: "email" | "no_email" | "none"; childCount?: number } = {},
) {
  const n = ++households_;
  const name = `FAMILLE${String(n).padStart(3, "0")}`;
  const [household] = await db
    .insert(households)
    .values({
      communeId,
      name,
      subscriberCode: `BILL${n}`.padEnd(10, "X"),
      familyQuotient: options.familyQuotient === undefined ? 450 : options.familyQuotient,
    })
    .returning();
  if ((options.payer ?? "email") !== "none")
    await db.insert(guardians).values({
      communeId,
      householdId: household!.id,
      rank: 1,
      civility: "MME",
      firstName: "Claire",
      lastName: name,
      email: options.payer === "no_email" ? null : `claire.${n}@example.fr`,
      addressLine: "12 rue des Écoles",
      postcode: "38000",
      city: "Démo",
      isPayer: true,
    });
  const kids = await db
    .insert(children)
    .values(
      Array.from({ length: options.childCount ?? 1 }, (_, i) => ({
        communeId,
        householdId: household!.id,
        lastName: name,
        firstName: ["Léa", "Hugo", "Zoé"][i] ?? `Enfant${i}`,
        birthDate: "2018-05-01",
        sex: "F" as const,
      })),
    )
    .returning();
  return { household: household!, children: kids, email: `claire.${n}@example.fr` };
}

/** Slots written as the planning leaves them; `changedAt` stamps their updatedAt (default: long before any run). */
async function book(
  db: Db,
  p: { communeId: string; householdId: string; childId: string; activityId: string },
  days: Record<string, BookingStatus>,
  changedAt = new Date("2026-08-20T08:00:00Z"),
) {
  await db
    .insert(bookings)
    .values(
      Object.entries(days).map(([date, status]) => ({
        ...p,
        date,
        status,
        createdAt: changedAt,
        updatedAt: changedAt,
      })),
    )
    .onConflictDoUpdate({
      target: [bookings.childId, bookings.activityId, bookings.date],
      set: { status: sql`excluded.status`, updatedAt: changedAt },
    });
}

async function invoicesOf(db: Db, householdId: string) {
  return db.select().from(invoices).where(eq(invoices.householdId, householdId)).orderBy(asc(invoices.issuedOn));
}

async function linesOf(db: Db, invoiceId: string) {
  return db
    .select({
      childName: invoiceLines.childName,
      activityLabel: invoiceLines.activityLabel,
      month: invoiceLines.month,
      kind: invoiceLines.kind,
      quantity: invoiceLines.quantity,
      unitCents: invoiceLines.unitCents,
      amountCents: invoiceLines.amountCents,
      note: invoiceLines.note,
    })
    .from(invoiceLines)
    .where(eq(invoiceLines.invoiceId, invoiceId))
    .orderBy(
      asc(invoiceLines.childName),
      asc(invoiceLines.activityLabel),
      asc(invoiceLines.month),
      asc(invoiceLines.kind),
    );
}

async function runOf(db: Db, town: Town, period: string) {
  const [run] = await db
    .select()
    .from(billingRuns)
    .where(and(eq(billingRuns.regieId, town.regie.id), eq(billingRuns.period, period)));
  return run ?? null;
}

describe("the monthly run", () => {
  it("bills the days that hold a place at the household's QF price, and says why others are not", async () => {
    const { db } = database;
    const town = await setUpTown(db);
    const martin = await insertHousehold(db, town.commune.id, { familyQuotient: 450, childCount: 2 });
    const [lea, hugo] = martin.children;
    const slot = (childId: string, activityId: string) => ({
      communeId: town.commune.id,
      householdId: martin.household.id,
      childId,
      activityId,
    });
    await db
      .insert(closureDays)
      .values({ communeId: town.commune.id, date: "2027-01-14", kind: "closure", label: "Grève" });
    await book(db, slot(lea!.id, town.canteen.id), {
      "2026-12-17": "booked", // another month
      "2027-01-04": "booked",
      "2027-01-05": "booked",
      "2027-01-07": "absence_requested", // the place is held until the absence is accepted
      "2027-01-08": "absent", // in time: not billed
      "2027-01-11": "absent_billed", // late: billed
      "2027-01-12": "refused",
      "2027-01-14": "booked", // closure day
      "2027-01-15": "waiting",
      "2027-01-18": "requested",
      "2027-01-19": "cancelled",
      "2027-02-01": "booked", // another month
    });
    await book(db, slot(hugo!.id, town.morning.id), { "2027-01-04": "booked", "2027-01-05": "booked" });

    const preview = await previewRun(db, { ...town.scope, period: JANUARY, today: "2027-02-03" });
    expect(preview).toMatchObject({ invoiceCount: 1, totalCents: 4 * 180 + 2 * 120, issuedRun: null });
    expect(preview!.households[0]!.payer).toEqual({
      guardianId: expect.any(String),
      name: `Mme Claire ${martin.household.name}`,
      address: "12 rue des Écoles, 38000 Démo",
      email: martin.email,
    });

    const result = await issueRun(db, {
      ...town.scope,
      period: JANUARY,
      userId: town.agent.id,
      now: runAt("2027-02-03"),
    });
    expect(result).toMatchObject({ ok: true, mailCount: 1 });
    const [invoice, ...others] = await invoicesOf(db, martin.household.id);
    expect(others).toEqual([]);
    expect(invoice).toMatchObject({
      communeId: town.commune.id,
      regieId: town.regie.id,
      reference: "F2027-000001",
      emissionCode: `2027-01-${town.regie.code}`,
      issuer: town.regie.name,
      issuedOn: "2027-02-03",
      dueOn: "2027-02-23",
      period: JANUARY,
      amountCents: 4 * 180 + 2 * 120,
      paidCents: 0,
      directDebitOn: null,
      payerName: `Mme Claire ${martin.household.name}`,
      payerAddress: "12 rue des Écoles, 38000 Démo",
    });
    const name = martin.household.name;
    expect(await linesOf(db, invoice!.id)).toEqual([
      {
        childName: `Hugo ${name}`,
        activityLabel: "1/Péri MATIN — École Jean Moulin",
        month: JANUARY,
        kind: "slot",
        quantity: 2,
        unitCents: 120,
        amountCents: 240,
        note: null,
      },
      {
        childName: `Léa ${name}`,
        activityLabel: "2/Repas Sco — École Jean Moulin",
        month: JANUARY,
        kind: "slot",
        quantity: 3,
        unitCents: 180,
        amountCents: 540,
        note: "1 absence prévenue dans les délais, non facturée ; 1 jour de fermeture, non facturé",
      },
      {
        childName: `Léa ${name}`,
        activityLabel: "2/Repas Sco — École Jean Moulin",
        month: JANUARY,
        kind: "late_absence",
        quantity: 1,
        unitCents: 180,
        amountCents: 180,
        note: "Absence hors délai, facturée",
      },
    ]);
    expect(await runOf(db, town, JANUARY)).toMatchObject({
      invoiceCount: 1,
      totalCents: 960,
      emissionCode: `2027-01-${town.regie.code}`,
      issuedOn: "2027-02-03",
      dueOn: "2027-02-23",
      issuedByUserId: town.agent.id,
    });

    const [mail, ...moreMails] = await db.select().from(mailOutbox).where(eq(mailOutbox.communeId, town.commune.id));
    expect(moreMails).toEqual([]);
    expect(mail).toMatchObject({
      to: martin.email,
      subject: "Votre facture n° F2027-000001 est disponible",
      template: "invoice-available",
    });
    expect(mail!.text).toContain(`Bonjour Mme Claire ${name}`);
    expect(mail!.text).toContain(`Montant : ${formatEuros(960)}`);
    expect(mail!.text).toContain("23/02/2027");
    expect(mail!.text).toContain(
      `http://localhost:3000/${town.commune.slug}/espace-facturation/factures/${invoice!.id}`,
    );
    const [audit] = await db.select().from(auditLog).where(eq(auditLog.communeId, town.commune.id));
    expect(audit).toMatchObject({
      action: "billing.run_issued",
      actorUserId: town.agent.id,
      targetId: result.ok ? result.run.id : null,
      details: { emissionCode: `2027-01-${town.regie.code}`, invoiceCount: 1, totalCents: 960 },
    });
  });

  it("reports the anomalies: no payer, no QF (default price), no tariff, activity without nature", async () => {
    const { db } = database;
    const town = await setUpTown(db);
    // A crèche has no nature on purpose (billed outside these runs): not an anomaly.
    await insertActivity(db, town.commune.id, { code: "", name: "Les Petits Loups", category: "petite_enfance" });
    const untariffed = await insertActivity(db, town.commune.id, { code: "3", name: "Péri SOIR", facility: "" });
    await insertNature(db, { communeId: town.commune.id, regieId: town.regie.id, activityIds: [untariffed.id] });
    const natureless = await insertActivity(db, town.commune.id, { code: "4", name: "Étude", facility: "" });
    await insertTariff(db, { communeId: town.commune.id, activityId: natureless.id });
    const unknownQf = await insertHousehold(db, town.commune.id, { familyQuotient: null });
    const orphan = await insertHousehold(db, town.commune.id, { payer: "none" });
    const debited = await insertHousehold(db, town.commune.id, { familyQuotient: 1500 });
    await db
      .insert(bankAccounts)
      .values({ communeId: town.commune.id, householdId: debited.household.id, directDebit: true });
    for (const family of [unknownQf, orphan, debited]) {
      const p = { communeId: town.commune.id, householdId: family.household.id, childId: family.children[0]!.id };
      await book(db, { ...p, activityId: town.canteen.id }, { "2027-01-04": "booked", "2027-01-05": "booked" });
      await book(db, { ...p, activityId: untariffed.id }, { "2027-01-04": "booked" });
      await book(db, { ...p, activityId: natureless.id }, { "2027-01-04": "booked" });
    }

    const preview = await previewRun(db, { ...town.scope, period: JANUARY, today: "2027-02-03" });
    expect(preview!.anomalies).toEqual({
      missingPayer: [{ householdId: orphan.household.id, householdName: orphan.household.name }],
      missingQuotient: [{ householdId: unknownQf.household.id, householdName: unknownQf.household.name }],
      missingTariff: [{ activityId: untariffed.id, activityLabel: "3/Péri SOIR", days: 3, households: 3 }],
      activitiesWithoutNature: [{ activityId: natureless.id, activityLabel: "4/Étude" }],
    });
    expect(preview!.households.map((h) => [h.householdName, h.totalCents])).toEqual([
      [unknownQf.household.name, 2 * 600],
      [orphan.household.name, 2 * 180],
      [debited.household.name, 2 * 520],
    ]);

    const result = await issueRun(db, {
      ...town.scope,
      period: JANUARY,
      userId: town.agent.id,
      now: runAt("2027-02-03"),
    });
    expect(result).toMatchObject({ ok: true, mailCount: 2, run: { invoiceCount: 3, totalCents: 1200 + 360 + 1040 } });
    expect(await invoicesOf(db, orphan.household.id)).toMatchObject([
      { payerName: null, payerGuardianId: null, amountCents: 360, reference: "F2027-000002" },
    ]);
    expect(await invoicesOf(db, debited.household.id)).toMatchObject([
      { directDebitOn: "2027-02-23", amountCents: 1040, reference: "F2027-000003" },
    ]);
    const mails = await db.select().from(mailOutbox).where(eq(mailOutbox.communeId, town.commune.id));
    expect(mails.map((m) => m.to).sort()).toEqual([debited.email, unknownQf.email].sort());
    expect(mails.find((m) => m.to === debited.email)!.text).toContain("prélevé sur votre compte le 23/02/2027");
  });

  it("is idempotent: a second run of the month issues nothing", async () => {
    const { db } = database;
    const town = await setUpTown(db);
    const family = await insertHousehold(db, town.commune.id);
    const p = { communeId: town.commune.id, householdId: family.household.id, childId: family.children[0]!.id };
    await book(db, { ...p, activityId: town.canteen.id }, { "2027-01-04": "booked" });
    const run = { ...town.scope, period: JANUARY, userId: town.agent.id, now: runAt("2027-02-03") };
    expect(await issueRun(db, run)).toMatchObject({ ok: true });
    await book(db, { ...p, activityId: town.canteen.id }, { "2027-01-05": "booked" }, runAt("2027-02-04"));
    expect(await issueRun(db, { ...run, now: runAt("2027-02-05") })).toEqual({ ok: false, reason: "already_issued" });
    expect(await invoicesOf(db, family.household.id)).toHaveLength(1);
    expect(await db.select().from(mailOutbox).where(eq(mailOutbox.communeId, town.commune.id))).toHaveLength(1);
    expect((await previewRun(db, { ...town.scope, period: JANUARY }))!.issuedRun).toMatchObject({ invoiceCount: 1 });
  });

  it("writes nothing when there is nothing to invoice, and refuses a month not begun", async () => {
    const { db } = database;
    const town = await setUpTown(db);
    const run = { ...town.scope, userId: town.agent.id, now: runAt("2027-02-03") };
    expect(await issueRun(db, { ...run, period: JANUARY })).toEqual({ ok: false, reason: "nothing_to_invoice" });
    expect(await runOf(db, town, JANUARY)).toBeNull();
    expect(await issueRun(db, { ...run, period: "2027-03-01" })).toEqual({ ok: false, reason: "future_month" });
  });

  it("gives a household whose total is not positive no invoice, and bills it later", async () => {
    const { db } = database;
    const town = await setUpTown(db);
    const family = await insertHousehold(db, town.commune.id);
    const canteen = {
      communeId: town.commune.id,
      householdId: family.household.id,
      childId: family.children[0]!.id,
      activityId: town.canteen.id,
    };
    await book(db, canteen, { "2026-12-14": "booked", "2026-12-15": "booked" });
    const run = { ...town.scope, userId: town.agent.id };
    expect(await issueRun(db, { ...run, period: DECEMBER, now: runAt("2027-01-04") })).toMatchObject({ ok: true });
    // Both December days become absences accepted after the run; January has one day.
    await book(db, canteen, { "2026-12-14": "absent", "2026-12-15": "absent" }, runAt("2027-01-10"));
    await book(db, canteen, { "2027-01-04": "booked" });
    const january = await previewRun(db, { ...town.scope, period: JANUARY, today: "2027-02-03" });
    expect(january!.households).toMatchObject([{ totalCents: 180 - 360, invoiced: false }]);
    expect(january!.invoiceCount).toBe(0);
    expect(await issueRun(db, { ...run, period: JANUARY, now: runAt("2027-02-03") })).toEqual({
      ok: false,
      reason: "nothing_to_invoice",
    });
    // Once another household gives January an invoice, January is issued without this one; February then bills
    // its 3 days, January's day (no January invoice billed it) and December's refund.
    await book(db, canteen, { "2027-02-01": "booked", "2027-02-02": "booked", "2027-02-04": "booked" });
    const other = await insertHousehold(db, town.commune.id);
    await book(
      db,
      { ...canteen, householdId: other.household.id, childId: other.children[0]!.id },
      { "2027-01-05": "booked" },
    );
    expect(await issueRun(db, { ...run, period: JANUARY, now: runAt("2027-02-03") })).toMatchObject({
      ok: true,
      run: { invoiceCount: 1 },
    });
    expect(await invoicesOf(db, family.household.id)).toHaveLength(1);
    expect(await issueRun(db, { ...run, period: FEBRUARY, now: runAt("2027-03-03") })).toMatchObject({ ok: true });
    const [, february] = await invoicesOf(db, family.household.id);
    expect(february!.amountCents).toBe(3 * 180 + 180 - 360);
    expect((await linesOf(db, february!.id)).map((l) => [l.month, l.kind, l.quantity])).toEqual([
      [DECEMBER, "regularisation", -2],
      [JANUARY, "regularisation", 1],
      [FEBRUARY, "slot", 3],
    ]);
  });
});

describe("régularisation", () => {
  it("corrects an invoiced month on the next invoice: an absence accepted later, a late booking", async () => {
    const { db } = database;
    const town = await setUpTown(db);
    const family = await insertHousehold(db, town.commune.id, { childCount: 2 });
    const [lea, hugo] = family.children;
    const slot = (childId: string, activityId: string) => ({
      communeId: town.commune.id,
      householdId: family.household.id,
      childId,
      activityId,
    });
    await book(db, slot(lea!.id, town.canteen.id), {
      "2026-12-14": "booked",
      "2026-12-15": "absence_requested",
      "2026-12-17": "booked",
    });
    const run = { ...town.scope, userId: town.agent.id };
    expect(await issueRun(db, { ...run, period: DECEMBER, now: runAt("2027-01-04") })).toMatchObject({
      ok: true,
      run: { totalCents: 540 },
    });
    // After December's run: Léa's pending absence is accepted, Hugo gets a morning club day booked late.
    await book(db, slot(lea!.id, town.canteen.id), { "2026-12-15": "absent" }, runAt("2027-01-06"));
    await book(db, slot(hugo!.id, town.morning.id), { "2026-12-14": "booked" }, runAt("2027-01-06"));
    await book(db, slot(lea!.id, town.canteen.id), { "2027-01-04": "booked", "2027-01-05": "booked" });

    expect(await issueRun(db, { ...run, period: JANUARY, now: runAt("2027-02-03") })).toMatchObject({ ok: true });
    const [, january] = await invoicesOf(db, family.household.id);
    const name = family.household.name;
    expect(await linesOf(db, january!.id)).toEqual([
      {
        childName: `Hugo ${name}`,
        activityLabel: "1/Péri MATIN — École Jean Moulin",
        month: DECEMBER,
        kind: "regularisation",
        quantity: 1,
        unitCents: 120,
        amountCents: 120,
        note: "Régularisation : 1 jour ajouté",
      },
      {
        childName: `Léa ${name}`,
        activityLabel: "2/Repas Sco — École Jean Moulin",
        month: DECEMBER,
        kind: "regularisation",
        quantity: -1,
        unitCents: 180,
        amountCents: -180,
        note: "Régularisation : 1 jour déduit",
      },
      {
        childName: `Léa ${name}`,
        activityLabel: "2/Repas Sco — École Jean Moulin",
        month: JANUARY,
        kind: "slot",
        quantity: 2,
        unitCents: 180,
        amountCents: 360,
        note: null,
      },
    ]);
    expect(january!.amountCents).toBe(300);

    // February looks at December again (its bookings changed after its run) and finds it settled.
    await book(db, slot(lea!.id, town.canteen.id), { "2027-02-01": "booked" });
    expect(await issueRun(db, { ...run, period: FEBRUARY, now: runAt("2027-03-03") })).toMatchObject({ ok: true });
    const [, , february] = await invoicesOf(db, family.household.id);
    expect((await linesOf(db, february!.id)).map((l) => [l.month, l.kind, l.quantity])).toEqual([
      [FEBRUARY, "slot", 1],
    ]);
  });

  it("bills again the days of an invoice cancelled by a credit note", async () => {
    const { db } = database;
    const town = await setUpTown(db);
    const family = await insertHousehold(db, town.commune.id);
    const canteen = {
      communeId: town.commune.id,
      householdId: family.household.id,
      childId: family.children[0]!.id,
      activityId: town.canteen.id,
    };
    await book(db, canteen, { "2026-12-14": "booked", "2026-12-15": "booked", "2026-12-17": "absent_billed" });
    const run = { ...town.scope, userId: town.agent.id };
    await issueRun(db, { ...run, period: DECEMBER, now: runAt("2027-01-04") });
    const [december] = await invoicesOf(db, family.household.id);
    // The money side's credit note, written as it does: the invoice is cancelled, never edited.
    await db.transaction(async (tx) => {
      await tx.update(invoices).set({ cancelledOn: "2027-01-08" }).where(eq(invoices.id, december!.id));
      await tx.insert(creditNotes).values({
        communeId: town.commune.id,
        householdId: family.household.id,
        invoiceId: december!.id,
        reference: "AV2027-000001",
        issuedOn: "2027-01-08",
        amountCents: december!.amountCents,
        reason: "Erreur de quotient familial",
      });
    });
    await db.update(households).set({ familyQuotient: 900 }).where(eq(households.id, family.household.id));
    await book(db, canteen, { "2027-01-04": "booked" });

    await issueRun(db, { ...run, period: JANUARY, now: runAt("2027-02-03") });
    const [, january] = await invoicesOf(db, family.household.id);
    expect((await linesOf(db, january!.id)).map((l) => [l.month, l.kind, l.quantity, l.unitCents])).toEqual([
      [DECEMBER, "regularisation", 3, 350],
      [JANUARY, "slot", 1, 350],
    ]);
    expect(january!.amountCents).toBe(4 * 350);
    expect(december!.amountCents).toBe(3 * 180);
  });
  it("bills the days left out for want of a tariff once the tariff is set", async () => {
    const { db } = database;
    const town = await setUpTown(db);
    const evening = await insertActivity(db, town.commune.id, { code: "3", name: "Péri SOIR", facility: "" });
    await insertNature(db, { communeId: town.commune.id, regieId: town.regie.id, activityIds: [evening.id] });
    const family = await insertHousehold(db, town.commune.id);
    const p = { communeId: town.commune.id, householdId: family.household.id, childId: family.children[0]!.id };
    await book(db, { ...p, activityId: town.canteen.id }, { "2026-12-14": "booked" });
    await book(db, { ...p, activityId: evening.id }, { "2026-12-14": "booked", "2026-12-15": "booked" });
    const run = { ...town.scope, userId: town.agent.id };
    const december = await issueRun(db, { ...run, period: DECEMBER, now: runAt("2027-01-04") });
    expect(december).toMatchObject({ ok: true, run: { totalCents: 180 } });
    expect(december.ok && december.anomalies.missingTariff).toMatchObject([{ activityId: evening.id, days: 2 }]);

    await insertTariff(db, {
      communeId: town.commune.id,
      activityId: evening.id,
      brackets: [{ upToQuotient: null, unitCents: 200 }],
    });
    await issueRun(db, { ...run, period: JANUARY, now: runAt("2027-02-03") });
    const [, january] = await invoicesOf(db, family.household.id);
    expect((await linesOf(db, january!.id)).map((l) => [l.activityLabel, l.month, l.kind, l.quantity])).toEqual([
      ["3/Péri SOIR", DECEMBER, "regularisation", 2],
    ]);
  });
});

describe("a commune's run", () => {
  it("never reads nor writes another commune's households, activities or régies", async () => {
    const { db } = database;
    const here = await setUpTown(db);
    const there = await setUpTown(db);
    const ours = await insertHousehold(db, here.commune.id);
    const theirs = await insertHousehold(db, there.commune.id);
    await book(
      db,
      {
        communeId: here.commune.id,
        householdId: ours.household.id,
        childId: ours.children[0]!.id,
        activityId: here.canteen.id,
      },
      { "2027-01-04": "booked" },
    );
    await book(
      db,
      {
        communeId: there.commune.id,
        householdId: theirs.household.id,
        childId: theirs.children[0]!.id,
        activityId: there.canteen.id,
      },
      { "2027-01-04": "booked", "2027-01-05": "booked" },
    );
    // A slot that claims our commune but names their activity and household (a corrupted row): never billed here.
    await db.insert(bookings).values({
      communeId: here.commune.id,
      householdId: theirs.household.id,
      childId: theirs.children[0]!.id,
      activityId: there.canteen.id,
      date: "2027-01-07",
      status: "booked",
    });

    expect(await previewRun(db, { communeId: here.commune.id, regieId: there.regie.id, period: JANUARY })).toBeNull();
    expect(
      await issueRun(db, {
        communeId: here.commune.id,
        regieId: there.regie.id,
        period: JANUARY,
        userId: here.agent.id,
        now: runAt("2027-02-03"),
      }),
    ).toEqual({ ok: false, reason: "regie_not_found" });

    const result = await issueRun(db, {
      ...here.scope,
      period: JANUARY,
      userId: here.agent.id,
      now: runAt("2027-02-03"),
    });
    expect(result).toMatchObject({ ok: true, run: { invoiceCount: 1, totalCents: 180 } });
    expect(await invoicesOf(db, theirs.household.id)).toEqual([]);
    expect(await db.select().from(mailOutbox).where(eq(mailOutbox.communeId, there.commune.id))).toEqual([]);
    // Their numbering starts at 1 too: counters are per commune.
    expect(
      await issueRun(db, { ...there.scope, period: JANUARY, userId: there.agent.id, now: runAt("2027-02-03") }),
    ).toMatchObject({ ok: true, run: { invoiceCount: 1, totalCents: 360 } });
    expect(await invoicesOf(db, theirs.household.id)).toMatchObject([{ reference: "F2027-000001" }]);
  });
});

describe("two agents issuing the same month at once", () => {
  // PGlite runs one transaction at a time, so the race only happens on a real server: run this file with
  // DATABASE_URL set to prove it (the unique run row makes the later start wait, then issue nothing).
  it.runIf(process.env.DATABASE_URL)(
    "make exactly one run, one invoice per household, numbered without a gap",
    async () => {
      const { db } = database;
      const town = await setUpTown(db);
      const families = [];
      for (let i = 0; i < 40; i++) families.push(await insertHousehold(db, town.commune.id));
      for (const family of families)
        await book(
          db,
          {
            communeId: town.commune.id,
            householdId: family.household.id,
            childId: family.children[0]!.id,
            activityId: town.canteen.id,
          },
          { "2027-01-04": "booked", "2027-01-05": "booked" },
        );
      const run = { ...town.scope, period: JANUARY, userId: town.agent.id, now: runAt("2027-02-03") };
      const results = await Promise.all(Array.from({ length: 4 }, () => issueRun(db, run)));
      expect(results.filter((r) => r.ok)).toHaveLength(1);
      expect(results.filter((r) => !r.ok)).toEqual(Array(3).fill({ ok: false, reason: "already_issued" }));
      const issued = await db
        .select({ householdId: invoices.householdId, reference: invoices.reference })
        .from(invoices)
        .where(eq(invoices.communeId, town.commune.id));
      expect(new Set(issued.map((i) => i.householdId)).size).toBe(40);
      expect(issued.map((i) => i.reference).sort()).toEqual(
        Array.from({ length: 40 }, (_, i) => `F2027-${String(i + 1).padStart(6, "0")}`),
      );
      expect(
        await db
          .select()
          .from(billingRuns)
          .where(inArray(billingRuns.regieId, [town.regie.id])),
      ).toHaveLength(1);
    },
  );
});

import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog } from "@/db/schema";
import { onlinePayments } from "@/db/schema/online-payments";
import { checkOnlinePayment } from "@/lib/billing/online/settle";
import { startOnlinePayment } from "@/lib/billing/online/start";
import { idOpOf, insertOnlinePaymentWorld, simulatorServiceFor } from "@/lib/billing/online/testing-fixtures";
import { insertBillingFamily, insertInvoice, insertRegie } from "@/lib/billing/testing-fixtures";
import { decideSimulatedPayment } from "@/lib/payfip/simulator/service";
import { insertCommune, insertUser } from "@/lib/testing/fixtures";
import { formData, signInAs } from "@/lib/testing/harness";
import { enableAuthInterrupts, pageOutcome, text } from "@/lib/testing/render-page";
import { setUpTestDatabase } from "@/lib/testing/set-up-test-database";
import { resolveOnlinePaymentFlagAction } from "./actions";
import OnlinePaymentsPage from "./page";

/* Espace agent › Facturation › Paiements en ligne: the list as the server renders it, and "Marquer comme vérifié". */

const database = setUpTestDatabase();

enableAuthInterrupts();

let run = 0;

async function setUp() {
  const db = database.db;
  // PayFiP's idOps are unique across communes: each set-up has its own.
  const op = (name: string) => `SIMOP${name}${String(++run).padStart(12, "0")}`;
  const town = await insertCommune(db);
  const other = await insertCommune(db);
  const regie = await insertRegie(db, { communeId: town.id, payfipClientNumber: "012345" });
  const martin = await insertBillingFamily(db, town.id, "MARTIN");
  const durand = await insertBillingFamily(db, town.id, "DURAND");
  const stranger = await insertBillingFamily(db, other.id, "BERNARD");
  const otherRegie = await insertRegie(db, { communeId: other.id });
  const admin = await insertUser(db, town.id, "admin");
  const otherAgent = await insertUser(db, other.id, "agent");
  const invoice = (householdId: string, reference: string, communeId = town.id) =>
    insertInvoice(db, { communeId, householdId, regieId: regie.id, reference, amountCents: 8640 });
  const paidInvoice = await invoice(martin.householdId, "F2027-000101");
  const mismatchInvoice = await invoice(martin.householdId, "F2027-000102");
  const resolvedInvoice = await invoice(durand.householdId, "F2027-000103");
  const openInvoice = await invoice(durand.householdId, "F2027-000104");
  const foreignInvoice = await insertInvoice(db, {
    communeId: other.id,
    householdId: stranger.householdId,
    regieId: otherRegie.id,
    reference: "F2027-000999",
  });
  const attempt = (
    householdId: string,
    invoiceId: string,
    refdet: string,
    values: Partial<typeof onlinePayments.$inferInsert>,
    communeId = town.id,
  ) =>
    db
      .insert(onlinePayments)
      .values({
        communeId,
        householdId,
        invoiceId,
        regieId: communeId === town.id ? regie.id : otherRegie.id,
        refdet,
        exer: 2027,
        amountCents: 8640,
        email: "famille@example.fr",
        mode: "T",
        ...values,
      })
      .returning()
      .then((rows) => rows[0]!);
  const paid = await attempt(martin.householdId, paidInvoice.id, "F2027000101", {
    idOp: op("PAID"),
    state: "paid",
    resultCode: "P",
    authorizationNumber: "482913",
    paidCents: 8640,
    paidAt: new Date("2027-01-12T09:15:00Z"),
    checkCount: 1,
    lastCheckedAt: new Date("2027-01-12T09:16:00Z"),
    createdAt: new Date("2027-01-12T09:10:00Z"),
    closedAt: new Date("2027-01-12T09:16:00Z"),
  });
  // The oldest, but flagged and not yet verified: first in the list.
  const mismatch = await attempt(martin.householdId, mismatchInvoice.id, "F2027000102", {
    idOp: op("MISMATCH"),
    state: "paid",
    resultCode: "P",
    authorizationNumber: "117204",
    paidCents: 5000,
    flag: "amount_mismatch",
    createdAt: new Date("2027-01-05T10:00:00Z"),
    lastCheckedAt: new Date("2027-01-05T10:05:00Z"),
  });
  const resolved = await attempt(durand.householdId, resolvedInvoice.id, "F2027000103", {
    idOp: op("RESOLVED"),
    state: "paid",
    resultCode: "P",
    paidCents: 8640,
    flag: "not_recorded",
    flagResolvedAt: new Date("2027-01-08T08:00:00Z"),
    flagResolvedByUserId: admin.id,
    createdAt: new Date("2027-01-07T10:00:00Z"),
  });
  const open = await attempt(durand.householdId, openInvoice.id, "F2027000104", {
    idOp: op("OPEN"),
    state: "open",
    lastError: "P5 : résultat non connu",
    checkCount: 2,
    lastCheckedAt: new Date("2027-01-14T16:20:00Z"),
    createdAt: new Date("2027-01-14T16:00:00Z"),
  });
  const foreign = await attempt(
    stranger.householdId,
    foreignInvoice.id,
    "F2027000999",
    { idOp: op("FOREIGN"), state: "paid", flag: "amount_mismatch", paidCents: 100 },
    other.id,
  );
  return { db, town, other, martin, admin, otherAgent, paid, mismatch, resolved, open, foreign, paidInvoice };
}

describe("Paiements en ligne (agents)", () => {
  it("lists the commune's attempts, flagged ones to verify first, with PayFiP's answer and the last check", async () => {
    const s = await setUp();
    signInAs(s.martin.agent, s.town.slug);
    const page = (search: Record<string, string> = {}) =>
      text(
        OnlinePaymentsPage({
          params: Promise.resolve({ commune: s.town.slug }),
          searchParams: Promise.resolve(search),
        }),
      );
    const shown = await page();
    expect(shown).toContain("Paiements en ligne (4 résultats)");
    expect(shown).not.toContain("F2027-000999");
    // Flagged and not verified first, then the newest.
    const order = ["F2027-000102", "F2027-000104", "F2027-000101", "F2027-000103"].map((ref) => shown.indexOf(ref));
    expect(order.every((at, i) => at > 0 && (i === 0 || at > order[i - 1]!))).toBe(true);
    expect(shown).toMatch(
      /05\/01\/2027 à 11:00 Famille MARTIN F2027-000102 86,40\s€ 50,00\s€ Payé P : Payé par carte Transaction n° 117204 SIMOPMISMATCH\d{12} 05\/01\/2027 à 11:05 Montant différent du montant demandé Marquer comme vérifié/,
    );
    expect(shown).toMatch(
      /F2027-000104 86,40\s€ – En cours – SIMOPOPEN\d{12} 14\/01\/2027 à 17:20 P5 : résultat non connu –/,
    );
    expect(shown).toMatch(/Payé mais non enregistré : à affecter Vérifié le 08\/01\/2027 à 09:00/);
    // Only the unverified flag has the button.
    expect(shown.match(/Marquer comme vérifié/g)).toHaveLength(1);

    expect(await page({ signales: "1" })).toContain("Paiements en ligne (1 résultat)");
    const paidOnly = await page({ etat: "paid" });
    expect(paidOnly).toContain("Paiements en ligne (3 résultats)");
    expect(paidOnly).not.toContain("F2027-000104");
    expect(await page({ q: "durand" })).toContain("Paiements en ligne (2 résultats)");
    expect(await page({ q: "000101" })).toContain("Paiements en ligne (1 résultat)");
    const january12 = await page({ du: "2027-01-12", au: "2027-01-12" });
    expect(january12).toContain("Paiements en ligne (1 résultat)");
    expect(january12).toContain("F2027-000101");
    expect(await page({ du: "2027-02-01" })).toContain("Aucun paiement en ligne ne correspond à ces critères.");
    // Garbage in the address: the defaults, never an error page; a page past the end shows the last one.
    expect(await page({ etat: "x", signales: "oui", du: "2027-13-45", au: "hier", page: "999" })).toContain(
      "Paiements en ligne (4 résultats)",
    );
  });

  it("is for the commune's staff: a family is refused, another commune's staff is sent to log in", async () => {
    const s = await setUp();
    const render = () =>
      pageOutcome(
        OnlinePaymentsPage({ params: Promise.resolve({ commune: s.town.slug }), searchParams: Promise.resolve({}) }),
      );
    signInAs(s.martin.family, s.town.slug);
    expect(await render()).toBe("NEXT_HTTP_ERROR_FALLBACK;403");
    signInAs(s.otherAgent, s.town.slug);
    expect(await render()).toMatch(/^NEXT_REDIRECT;replace;\/commune-\d+\/connexion/);
    signInAs(s.admin, s.town.slug);
    expect(await render()).toBe("rendered");
  });

  it("an agent marks a flagged payment as verified, audited; once only, and only in their own commune", async () => {
    const s = await setUp();
    const resolve = (slug: string, attemptId: string) =>
      resolveOnlinePaymentFlagAction(slug, null, formData({ attemptId }));
    const flagOf = async (id: string) =>
      (await s.db.select().from(onlinePayments).where(eq(onlinePayments.id, id)))[0]!;
    const refused = {
      ok: false,
      message: "Ce paiement en ligne n'est plus à vérifier, ou il est introuvable.",
      fieldErrors: {},
    };

    signInAs(s.martin.family, s.town.slug);
    expect(await resolve(s.town.slug, s.mismatch.id)).toEqual({
      ok: false,
      message: "Vous n'avez pas accès à cette action.",
      fieldErrors: {},
    });
    // Staff of another commune: on their own commune the attempt does not exist; on this one they are not signed in.
    signInAs(s.otherAgent, s.other.slug);
    expect(await resolve(s.other.slug, s.mismatch.id)).toEqual(refused);
    signInAs(s.otherAgent, s.town.slug);
    expect(await resolve(s.town.slug, s.mismatch.id)).toMatchObject({ ok: false });
    expect((await flagOf(s.mismatch.id)).flagResolvedAt).toBeNull();

    signInAs(s.martin.agent, s.town.slug);
    expect(await resolve(s.town.slug, s.foreign.id)).toEqual(refused);
    expect((await flagOf(s.foreign.id)).flagResolvedAt).toBeNull();
    // Nothing to verify on an attempt without a flag, nor a bad id.
    expect(await resolve(s.town.slug, s.paid.id)).toEqual(refused);
    expect(await resolve(s.town.slug, "pas-un-id")).toMatchObject({
      ok: false,
      fieldErrors: { attemptId: ["Paiement en ligne introuvable."] },
    });

    expect(await resolve(s.town.slug, s.mismatch.id)).toEqual({
      ok: true,
      message: "Le paiement en ligne est marqué comme vérifié.",
    });
    const verified = await flagOf(s.mismatch.id);
    expect(verified.flag).toBe("amount_mismatch");
    expect(verified.flagResolvedByUserId).toBe(s.martin.agent.id);
    expect(verified.flagResolvedAt).not.toBeNull();
    const audit = await s.db.select().from(auditLog).where(eq(auditLog.targetId, s.mismatch.id));
    expect(audit).toMatchObject([
      {
        communeId: s.town.id,
        actorUserId: s.martin.agent.id,
        action: "billing.online_payment_flag_resolved",
        targetType: "online_payment",
      },
    ]);
    // Twice (another agent at the same time, a double click): told, nothing more written.
    expect(await resolve(s.town.slug, s.mismatch.id)).toEqual(refused);
    expect(await s.db.select().from(auditLog).where(eq(auditLog.targetId, s.mismatch.id))).toHaveLength(1);
  });

  it("a payment of another amount, settled through the simulator, is flagged first on the page until verified", async () => {
    const db = database.db;
    const serviceFor = simulatorServiceFor(database);
    const world = await insertOnlinePaymentWorld(db);
    const started = await startOnlinePayment(db, { ...world.startParams, serviceFor });
    if (!started.ok) throw new Error(started.message);
    const idOp = idOpOf(started.redirectTo);
    await decideSimulatedPayment(db, { idOp, resultCode: "P", paidCents: 5000 });
    const settled = (await checkOnlinePayment(db, { idOp, serviceFor }))!;
    const agent = await insertUser(db, world.communeId, "agent");
    const slug = (await db.query.communes.findFirst({ where: (c, { eq }) => eq(c.id, world.communeId) }))!.slug;
    signInAs(agent, slug);
    const page = () =>
      text(OnlinePaymentsPage({ params: Promise.resolve({ commune: slug }), searchParams: Promise.resolve({}) }));
    expect(await page()).toMatch(
      new RegExp(
        `${world.invoice.reference} 86,40\\s€ 50,00\\s€ Payé P : Payé par carte Transaction n° ${settled.authorizationNumber} ${idOp} .* Montant différent du montant demandé Marquer comme vérifié`,
      ),
    );
    expect(await resolveOnlinePaymentFlagAction(slug, null, formData({ attemptId: settled.id }))).toMatchObject({
      ok: true,
    });
    const after = await page();
    expect(after).toMatch(/Montant différent du montant demandé Vérifié le /);
    expect(after).not.toContain("Marquer comme vérifié");
  });
});

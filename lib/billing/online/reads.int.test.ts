import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { auditLog, households, onlinePayments } from "@/db/schema";
import { decideSimulatedPayment } from "@/lib/payfip/simulator/service";
import { parisDay } from "@/lib/planning/days";
import { insertUser } from "@/lib/testing/fixtures";
import { setUpTestDatabase } from "@/lib/testing/set-up-test-database";
import { insertBillingFamily } from "../testing-fixtures";
import {
  findHouseholdOnlinePayment,
  listOnlinePayments,
  ONLINE_PAYMENTS_PER_PAGE,
  openAttemptsByInvoice,
  resolveOnlinePaymentFlag,
} from "./reads";
import { checkOnlinePayment } from "./settle";
import { startOnlinePayment } from "./start";
import { idOpOf, insertOnlinePaymentWorld, invoiceAttempts, simulatorServiceFor } from "./testing-fixtures";

const database = setUpTestDatabase();
const db = () => database.db;
const serviceFor = simulatorServiceFor(database);

/** Pays the world's invoice online: with `paidCents` other than its 86,40 €, the attempt is flagged. */
async function payOnline(world: Awaited<ReturnType<typeof insertOnlinePaymentWorld>>, paidCents?: number) {
  const started = await startOnlinePayment(db(), { ...world.startParams, serviceFor });
  if (!started.ok) throw new Error(started.message);
  const idOp = idOpOf(started.redirectTo);
  await decideSimulatedPayment(db(), { idOp, resultCode: "P", paidCents });
  return (await checkOnlinePayment(db(), { idOp, serviceFor }))!;
}

describe("a household reads only its own attempts", () => {
  let world: Awaited<ReturnType<typeof insertOnlinePaymentWorld>>;
  let neighbour: Awaited<ReturnType<typeof insertBillingFamily>>;
  let elsewhere: Awaited<ReturnType<typeof insertOnlinePaymentWorld>>;
  let attemptId: string;

  beforeAll(async () => {
    world = await insertOnlinePaymentWorld(db());
    neighbour = await insertBillingFamily(db(), world.communeId);
    elsewhere = await insertOnlinePaymentWorld(db());
    const started = await startOnlinePayment(db(), { ...world.startParams, serviceFor });
    if (!started.ok) throw new Error(started.message);
    attemptId = (await invoiceAttempts(db(), world.invoice.id))[0]!.id;
  });

  it("finds its attempt with the invoice it pays", async () => {
    const view = await findHouseholdOnlinePayment(db(), {
      communeId: world.communeId,
      householdId: world.family.householdId,
      attemptId,
    });
    expect(view).toMatchObject({
      id: attemptId,
      state: "open",
      invoice: { id: world.invoice.id, reference: world.invoice.reference, amountCents: 8640, paidCents: 0 },
    });
  });

  it("another household, another commune or a malformed id find nothing", async () => {
    const lookups = [
      { communeId: world.communeId, householdId: neighbour.householdId, attemptId },
      { communeId: elsewhere.communeId, householdId: world.family.householdId, attemptId },
      { communeId: world.communeId, householdId: world.family.householdId, attemptId: "pas-un-uuid" },
    ];
    for (const lookup of lookups) expect(await findHouseholdOnlinePayment(db(), lookup)).toBeNull();
  });

  it("lists the open attempts by invoice for the household only", async () => {
    const scope = { communeId: world.communeId };
    const mine = await openAttemptsByInvoice(db(), { ...scope, householdId: world.family.householdId });
    expect([...mine.keys()]).toEqual([world.invoice.id]);
    expect((await openAttemptsByInvoice(db(), { ...scope, householdId: neighbour.householdId })).size).toBe(0);
    const otherCommune = { ...scope, communeId: elsewhere.communeId, householdId: world.family.householdId };
    expect((await openAttemptsByInvoice(db(), otherCommune)).size).toBe(0);
  });

  it("cannot start a payment of another household's invoice, nor of another commune's", async () => {
    const notFound = { ok: false, code: "not_found", message: "Facture introuvable." };
    const asNeighbour = {
      ...world.startParams,
      householdId: neighbour.householdId,
      userId: neighbour.family.id,
      email: neighbour.family.email,
    };
    expect(await startOnlinePayment(db(), { ...asNeighbour, serviceFor })).toEqual(notFound);
    const fromElsewhere = { ...elsewhere.startParams, invoiceId: world.invoice.id };
    expect(await startOnlinePayment(db(), { ...fromElsewhere, serviceFor })).toEqual(notFound);
    expect(await invoiceAttempts(db(), world.invoice.id)).toHaveLength(1);
  });
});

describe("Paiements en ligne, for the agents", () => {
  let communeId: string;
  let agentId: string;
  let flagged: string;
  let plain: string;

  beforeAll(async () => {
    const first = await insertOnlinePaymentWorld(db());
    communeId = first.communeId;
    agentId = (await insertUser(db(), communeId, "agent")).id;
    await db().update(households).set({ name: "BERNARD" }).where(eq(households.id, first.family.householdId));
    flagged = (await payOnline(first, 5000)).id;
    const second = await insertOnlinePaymentWorld(db(), { communeId });
    await db().update(households).set({ name: "DUPONT" }).where(eq(households.id, second.family.householdId));
    plain = (await payOnline(second)).id;
    // Another commune's attempt never shows.
    await payOnline(await insertOnlinePaymentWorld(db()), 5000);
  });

  it("shows the unverified flagged attempts first, then the newest, with the family and the invoice", async () => {
    const { rows, total } = await listOnlinePayments(db(), { communeId });
    expect(total).toBe(2);
    expect(rows.map((r) => [r.id, r.householdName, r.flag])).toEqual([
      [flagged, "BERNARD", "amount_mismatch"],
      [plain, "DUPONT", null],
    ]);
    expect(rows[0]!.invoiceReference).toMatch(/^F2027-\d{6}$/);
  });

  it("filters by state, flag, days, family name and invoice reference (with or without its dash)", async () => {
    const ids = async (filters: Omit<Parameters<typeof listOnlinePayments>[1], "communeId">) =>
      (await listOnlinePayments(db(), { communeId, ...filters })).rows.map((r) => r.id);
    expect(await ids({ flagged: true })).toEqual([flagged]);
    expect(await ids({ state: "open" })).toEqual([]);
    expect(await ids({ state: "paid", q: "dupo" })).toEqual([plain]);
    const [attempt] = await db().select().from(onlinePayments).where(eq(onlinePayments.id, flagged));
    const reference = (await listOnlinePayments(db(), { communeId, flagged: true })).rows[0]!.invoiceReference;
    expect(await ids({ q: reference })).toEqual([flagged]);
    expect(await ids({ q: attempt!.refdet })).toEqual([flagged]);
    expect(await ids({ q: "100%" })).toEqual([]);
    const today = parisDay(attempt!.createdAt);
    expect(await ids({ from: today, to: today })).toHaveLength(2);
    expect(await ids({ to: "2020-01-01" })).toEqual([]);
  });

  it("pages by ONLINE_PAYMENTS_PER_PAGE", async () => {
    expect(ONLINE_PAYMENTS_PER_PAGE).toBe(20);
    expect(await listOnlinePayments(db(), { communeId, page: 2 })).toEqual({ rows: [], total: 2 });
  });

  it("Marquer comme vérifié: once, audited, only in the agent's commune", async () => {
    const elsewhere = await insertOnlinePaymentWorld(db());
    const otherAgent = await insertUser(db(), elsewhere.communeId, "agent");
    expect(
      await resolveOnlinePaymentFlag(db(), {
        communeId: elsewhere.communeId,
        attemptId: flagged,
        userId: otherAgent.id,
      }),
    ).toBe(false);
    expect(await resolveOnlinePaymentFlag(db(), { communeId, attemptId: plain, userId: agentId })).toBe(false);
    expect(await resolveOnlinePaymentFlag(db(), { communeId, attemptId: flagged, userId: agentId })).toBe(true);
    expect(await resolveOnlinePaymentFlag(db(), { communeId, attemptId: flagged, userId: agentId })).toBe(false);
    const [attempt] = await db().select().from(onlinePayments).where(eq(onlinePayments.id, flagged));
    expect(attempt).toMatchObject({ flag: "amount_mismatch", flagResolvedByUserId: agentId });
    const audit = await db()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.communeId, communeId), eq(auditLog.action, "billing.online_payment_flag_resolved")));
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorUserId: agentId, targetType: "online_payment", targetId: flagged });
    expect(audit[0]!.details).toMatchObject({
      summary: expect.stringContaining("Montant différent du montant demandé"),
    });
    // Verified: no longer first, no longer under "Signalés uniquement".
    expect((await listOnlinePayments(db(), { communeId, flagged: true })).rows).toEqual([]);
    expect((await listOnlinePayments(db(), { communeId })).rows.map((r) => r.id)).toEqual([plain, flagged]);
  });
});

import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { invoiceStatusLabel } from "@/lib/billing/status";
import { currentTime } from "@/lib/clock";
import { capacityUsage, listNurseryStructures } from "@/lib/nursery/structures";
import { setUpTestDatabase } from "@/lib/testing/set-up-test-database";
import { demo, nurseryDemoFamily } from "./demo-data";
import { seedDemo, seedIfEmpty } from "./seed";

const database = setUpTestDatabase();
beforeAll(async () => {});

async function counts() {
  const tables = [
    "communes",
    "users",
    "households",
    "guardians",
    "children",
    "subscriptions",
    "invoices",
    "account_tokens",
    "regies",
    "invoice_natures",
    "tariffs",
    "payments",
    "payment_allocations",
    "nursery_structures",
    "nursery_applications",
    "enrolments",
  ];
  const result: Record<string, number> = {};
  for (const table of tables) {
    const [row] = await database.db.select({ n: sql<number>`count(*)::int` }).from(sql.raw(table));
    result[table] = row!.n;
  }
  return result;
}

describe("demo seed", () => {
  it("creates the demo communes, accounts and households, and changes nothing when run again", async () => {
    await seedIfEmpty(database.db);
    const first = await counts();
    expect(first).toMatchObject({
      communes: 2,
      households: 13,
      children: 14,
      subscriptions: 3,
      invoices: 6,
      payments: 3,
      payment_allocations: 3,
      regies: 1,
      invoice_natures: 4,
      tariffs: 5,
      nursery_structures: 3,
      nursery_applications: 6,
    });
    await seedDemo(database.db);
    await seedIfEmpty(database.db);
    expect(await counts()).toEqual(first);
  });

  it("leaves the planner its statistics, which PostgreSQL gathers only later and PGlite never", async () => {
    await seedIfEmpty(database.db);
    // Only ANALYZE writes pg_stats: inserting rows does not.
    const [row] = await database.db
      .select({ n: sql<number>`count(*)::int` })
      .from(sql`pg_stats`)
      .where(sql`schemaname = 'public' and tablename = 'bookings'`);
    expect(row!.n).toBeGreaterThan(0);
  });

  it("gives the demo commune a régie, its natures, each activity's nature and a QF tariff from 2026-09-01", async () => {
    const db = database.db;
    const town = (await db.query.communes.findFirst({ where: (c, { eq }) => eq(c.slug, demo.commune.slug) }))!;
    const regie = (await db.query.regies.findFirst({ where: (r, { eq }) => eq(r.communeId, town.id) }))!;
    expect(regie).toMatchObject({
      name: "Régie enfance jeunesse",
      code: "ENF",
      payfipClientNumber: "012345",
      payfipMode: "T",
      payfipServiceUrl: "/simulateur-payfip/tpa",
    });
    expect(regie.paymentInstructions).not.toBe("");
    expect(regie.treasuryContact).not.toBe("");
    const durandInvoice = await db.query.invoices.findFirst({
      where: (i, { eq }) => eq(i.reference, demo.invoice.reference),
    });
    expect(durandInvoice).toMatchObject({
      regieId: regie.id,
      emissionCode: demo.invoice.emissionCode,
      amountCents: 8640,
      issuer: "Régie enfance jeunesse",
    });
    // The crèches' activities are billed outside the portal (db/seed-billing.ts): no nature, no tariff.
    const activities = await db.query.activities.findMany({
      where: (a, { and, eq, ne }) => and(eq(a.communeId, town.id), ne(a.category, "petite_enfance")),
    });
    const tariffs = await db.query.tariffs.findMany({ where: (t, { eq }) => eq(t.communeId, town.id) });
    const natures = await db.query.invoiceNatures.findMany({ where: (n, { eq }) => eq(n.communeId, town.id) });
    const natureOf = (id: string | null) => natures.find((n) => n.id === id)?.label;
    expect(Object.fromEntries(activities.map((a) => [a.code, natureOf(a.natureId)]))).toEqual({
      "1": "Périscolaire",
      "2": "Restauration scolaire",
      "3": "Périscolaire",
      "4": "Étude",
      "5": "Accueil de loisirs",
    });
    for (const activity of activities) {
      const mine = tariffs.filter((t) => t.activityId === activity.id);
      expect(mine).toHaveLength(1);
      const [tariff] = mine;
      expect(tariff!.validFrom).toBe("2026-09-01");
      expect(tariff!.brackets.length).toBeGreaterThanOrEqual(3);
      expect(tariff!.brackets.at(-1)!.upToQuotient).toBeNull();
      const limits = tariff!.brackets.slice(0, -1).map((b) => b.upToQuotient!);
      expect(limits).toEqual([...limits].sort((a, b) => a - b));
    }
  });

  it("gives the demo family a household with two guardians and three children", async () => {
    const martin = await database.db.query.households.findFirst({
      where: (h, { eq }) => eq(h.subscriberCode, demo.subscribedCode),
      with: { guardians: true, children: true, subscriptions: true },
    });
    expect(martin?.guardians).toHaveLength(2);
    expect(martin?.children).toHaveLength(3);
    expect(martin?.subscriptions).toHaveLength(1);
  });

  it("gives MARTIN last year's invoices in every state a family meets, numbered after DURAND's imported one", async () => {
    const db = database.db;
    const martin = (await db.query.households.findFirst({
      where: (h, { eq }) => eq(h.subscriberCode, demo.subscribedCode),
    }))!;
    const history = await db.query.invoices.findMany({
      where: (i, { eq }) => eq(i.householdId, martin.id),
      orderBy: (i, { asc }) => asc(i.period),
    });
    expect(history.map((invoice) => invoiceStatusLabel(invoice))).toEqual([
      "Payée",
      "Payée",
      "Transmise en trésorerie",
      "Partiellement payée",
      "À payer",
    ]);
    expect(history.map((invoice) => invoice.reference)).toEqual([
      "F2026-000413",
      "F2026-000414",
      "F2026-000415",
      "F2026-000416",
      "F2026-000417",
    ]);
    const lines = await db.query.invoiceLines.findMany({ where: (l, { eq }) => eq(l.invoiceId, history[0]!.id) });
    expect(lines.reduce((sum, line) => sum + line.amountCents, 0)).toBe(history[0]!.amountCents);
    const online = await db.query.payments.findFirst({ where: (p, { eq }) => eq(p.method, "card_online") });
    expect(online).toMatchObject({ householdId: martin.id, description: "Règlement en ligne - Transaction n° 3fe56d" });
  });

  it("gives the demo commune three crèches and applications in every state the commission meets", async () => {
    const db = database.db;
    const town = (await db.query.communes.findFirst({ where: (c, { eq }) => eq(c.slug, demo.commune.slug) }))!;
    const structures = await listNurseryStructures(db, { communeId: town.id });
    expect(structures.map((s) => s.name)).toEqual([
      "Multi-accueil Les Petits Loups",
      "Crèche familiale Les Lucioles",
      "Micro-crèche Pirouette",
    ]);
    const usage = await capacityUsage(db, { communeId: town.id, now: currentTime() });
    const places = (name: string) =>
      Object.fromEntries(
        usage
          .filter((u) => u.structureId === structures.find((s) => s.name === name)!.id)
          .map((u) => [u.ageGroup, `${u.held}/${u.places}`]),
      );
    expect(places("Multi-accueil Les Petits Loups")).toEqual({ bebes: "1/2", moyens: "0/3", grands: "0/3" });
    expect(places("Crèche familiale Les Lucioles")).toEqual({ bebes: "0/1", moyens: "1/2", grands: "0/2" });
    expect(places("Micro-crèche Pirouette")).toEqual({ bebes: "0/1", moyens: "0/1", grands: "0/1" });
    const applications = await db.query.nurseryApplications.findMany({
      where: (a, { eq }) => eq(a.communeId, town.id),
      with: { household: true, request: true },
    });
    expect(Object.fromEntries(applications.map((a) => [a.household.name, `${a.status} ${a.request.status}`]))).toEqual({
      BLANC: "offered pending",
      FAURE: "submitted pending",
      GIRARD: "waiting_list pending",
      MOREL: "accepted accepted",
      PERRIN: "refused refused",
      CHEVALIER: "submitted pending",
    });
    // The accepted place: Lina MOREL enrolled on the crèche's activity.
    const morel = applications.find((a) => a.household.name === "MOREL")!;
    const enrolment = await db.query.enrolments.findFirst({ where: (e, { eq }) => eq(e.childId, morel.childId!) });
    expect(enrolment).toMatchObject({ activityId: structures[1]!.activityId, status: "active" });
    // The crèche family's account sees its offer.
    const blanc = await db.query.households.findFirst({
      where: (h, { eq }) => eq(h.subscriberCode, nurseryDemoFamily.code),
      with: { subscriptions: true },
    });
    expect(blanc?.subscriptions).toHaveLength(1);
  });
});

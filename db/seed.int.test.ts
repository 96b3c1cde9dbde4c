import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { invoiceStatusLabel } from "@/lib/billing/status";
import { setUpTestDatabase } from "@/lib/testing/set-up-test-database";
import { demo } from "./demo-data";
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
      households: 7,
      children: 10,
      subscriptions: 2,
      invoices: 6,
      payments: 3,
      payment_allocations: 3,
      regies: 1,
      invoice_natures: 4,
      tariffs: 5,
    });
    await seedDemo(database.db);
    await seedIfEmpty(database.db);
    expect(await counts()).toEqual(first);
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
    const activities = await db.query.activities.findMany({ where: (a, { eq }) => eq(a.communeId, town.id) });
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
});

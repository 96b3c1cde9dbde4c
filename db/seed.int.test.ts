import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
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
    expect(first).toMatchObject({ communes: 2, households: 6, children: 8, subscriptions: 1, invoices: 1 });
    await seedDemo(database.db);
    await seedIfEmpty(database.db);
    expect(await counts()).toEqual(first);
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
});

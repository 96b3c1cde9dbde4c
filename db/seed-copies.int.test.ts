import { and, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { hashToken } from "@/lib/accounts/token-hash";
import { setUpTestDatabase } from "@/lib/testing/set-up-test-database";
import { demoFamilies, type FamilySet, familyCopy } from "./demo-data";
import { accountTokens, bookings, children, households, requests, subscriptions, users } from "./schema";
import { seedDemo } from "./seed";

const database = setUpTestDatabase();

/** What a set of families holds once seeded, by name: the same for the demo's families and for each copy. */
async function contents(set: FamilySet) {
  const db = database.db;
  const household = async (code: string) =>
    (await db.select().from(households).where(eq(households.subscriberCode, code)))[0]!;
  const martin = await household(set.martin.code);
  const durand = await household(set.durand.code);
  const count = async (table: typeof bookings | typeof requests, householdId: string) =>
    (await db.select({ n: sql<number>`count(*)::int` }).from(table).where(eq(table.householdId, householdId)))[0]!.n;
  const [subscriber] = await db
    .select({ email: users.email })
    .from(subscriptions)
    .innerJoin(users, eq(users.id, subscriptions.userId))
    .where(eq(subscriptions.householdId, martin.id));
  const [pending] = await db
    .select({ status: users.status })
    .from(users)
    .innerJoin(accountTokens, eq(accountTokens.userId, users.id))
    .where(and(eq(users.email, set.pending.email), eq(accountTokens.tokenHash, hashToken(set.pending.token))));
  const names = async (householdId: string) =>
    (await db.select().from(children).where(eq(children.householdId, householdId)))
      .map((c) => `${c.firstName} ${c.lastName}`)
      .sort();
  return {
    martin: { name: martin.name, children: await names(martin.id), subscriber: subscriber?.email },
    durand: { name: durand.name, children: await names(durand.id) },
    pendingAccount: pending?.status,
    bookings: { martin: await count(bookings, martin.id), durand: await count(bookings, durand.id) },
    requests: { martin: await count(requests, martin.id), durand: await count(requests, durand.id) },
  };
}

describe("demo seed with copies of its families (end-to-end runs)", () => {
  it("gives each copy the demo's people, file, requests and planning under its own names, codes and logins", async () => {
    await seedDemo(database.db, { familyCopies: 2 });
    const original = await contents(demoFamilies);
    expect(original.martin).toEqual({
      name: "MARTIN",
      children: ["Hugo MARTIN", "Léa MARTIN", "Zoé MARTIN"],
      subscriber: "famille@demo.fr",
    });
    expect(original.bookings.martin).toBeGreaterThan(0);
    expect(original.requests.martin).toBeGreaterThan(0);

    const second = familyCopy(2);
    expect(second.martin).toMatchObject({ name: "MARTIN-AC", account: { email: "famille-ac@demo.fr" } });
    expect(await contents(second)).toEqual({
      martin: {
        name: "MARTIN-AC",
        children: ["Hugo MARTIN-AC", "Léa MARTIN-AC", "Zoé MARTIN-AC"],
        subscriber: "famille-ac@demo.fr",
      },
      durand: { name: "DURAND-AC", children: ["Inès DURAND-AC"] },
      pendingAccount: "pending",
      bookings: original.bookings,
      requests: original.requests,
    });
  });

  it("changes nothing when run again", async () => {
    const bookingCount = async () => (await database.db.select({ n: sql<number>`count(*)::int` }).from(bookings))[0]!.n;
    const before = await bookingCount();
    await seedDemo(database.db, { familyCopies: 2 });
    expect(await bookingCount()).toBe(before);
  });
});

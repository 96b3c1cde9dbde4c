import { and, eq } from "drizzle-orm";
import { hashPassword } from "@/lib/auth/password";
import type { Db } from "./client";
import { type Civility, children, communes, guardians, households, type Role, subscriptions, users } from "./schema";

/* The demo seed's idempotent writers of accounts and households, shared by db/seed.ts and its modules. */

export type AccountSeed = {
  email: string;
  password: string;
  role: Role;
  civility: Civility;
  lastName: string;
  firstName: string;
  status?: "pending" | "active";
};

export async function upsertAccount(db: Db, communeId: string, account: AccountSeed) {
  await db
    .insert(users)
    .values({
      communeId,
      email: account.email,
      passwordHash: await hashPassword(account.password),
      role: account.role,
      status: account.status ?? "active",
      civility: account.civility,
      lastName: account.lastName,
      firstName: account.firstName,
      termsAcceptedAt: new Date(),
      activatedAt: account.status === "pending" ? null : new Date(),
    })
    .onConflictDoNothing({ target: [users.communeId, users.email] });
  const [row] = await db
    .select()
    .from(users)
    .where(and(eq(users.communeId, communeId), eq(users.email, account.email)));
  return row!;
}

/** Inserts a household with its guardians and children unless its code exists already; returns its id. */
export async function upsertHousehold(
  db: Db,
  communeId: string,
  household: { name: string; code: string; familyQuotient: number },
  members: {
    guardians: Omit<typeof guardians.$inferInsert, "communeId" | "householdId">[];
    children: Omit<typeof children.$inferInsert, "communeId" | "householdId">[];
  },
) {
  const inserted = await db
    .insert(households)
    .values({
      communeId,
      name: household.name,
      subscriberCode: household.code,
      familyQuotient: household.familyQuotient,
    })
    .onConflictDoNothing({ target: [households.communeId, households.subscriberCode] })
    .returning({ id: households.id });
  if (inserted[0]) {
    const householdId = inserted[0].id;
    await db.insert(guardians).values(members.guardians.map((g) => ({ ...g, communeId, householdId })));
    if (members.children.length)
      await db.insert(children).values(members.children.map((c) => ({ ...c, communeId, householdId })));
    return householdId;
  }
  const [row] = await db
    .select({ id: households.id })
    .from(households)
    .where(and(eq(households.communeId, communeId), eq(households.subscriberCode, household.code)));
  return row!.id;
}

/** Links an account to a household (an agent's subscription), once. */
export async function subscribe(db: Db, params: { communeId: string; userId: string; householdId: string }) {
  await db
    .insert(subscriptions)
    .values({ ...params, method: "agent" })
    .onConflictDoNothing();
}

/** A benchmark's own commune (`npm run bench:*`), apart from the demo's; returns its id. */
export async function insertBenchCommune(db: Db, slug: string): Promise<string> {
  const [commune] = await db
    .insert(communes)
    .values({
      slug,
      name: `Banc d'essai ${slug}`,
      serviceSignature: "Le service enfance",
      contactEmail: `enfance@${slug}.bench.test`,
    })
    .returning({ id: communes.id });
  return commune!.id;
}

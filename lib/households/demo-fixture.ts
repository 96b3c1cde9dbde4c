// Test support for the integration tests of subscriptions, households and staff accounts (not used by the app).
import { and, eq } from "drizzle-orm";
import type { DatabaseHandle, Db } from "@/db/client";
import { communes, households, users } from "@/db/schema";
import { seedDemo } from "@/db/seed";
import { harness } from "@/lib/testing/harness";
import { createTestDatabase } from "@/lib/testing/test-db";

/** A fresh database with the demo data, wired into the harness the server actions read. */
export async function openDemoDatabase(): Promise<DatabaseHandle> {
  const handle = await createTestDatabase();
  await seedDemo(handle.db);
  harness.db = handle.db;
  return handle;
}

export async function communeBySlugForTest(db: Db, slug: string) {
  const [row] = await db.select().from(communes).where(eq(communes.slug, slug));
  return row!;
}

export async function accountByEmail(db: Db, slug: string, email: string) {
  const commune = await communeBySlugForTest(db, slug);
  const [row] = await db
    .select()
    .from(users)
    .where(and(eq(users.communeId, commune.id), eq(users.email, email)));
  return row!;
}

/** A new active family account (its password is never used: tests sign in through the harness). */
export async function newFamilyAccount(db: Db, slug: string, email: string) {
  const commune = await communeBySlugForTest(db, slug);
  const [row] = await db
    .insert(users)
    .values({
      communeId: commune.id,
      email,
      passwordHash: "unused",
      civility: "M",
      lastName: "TEST",
      firstName: "Famille",
      role: "family",
      status: "active",
    })
    .returning();
  return row!;
}

export async function householdByCode(db: Db, slug: string, code: string) {
  const commune = await communeBySlugForTest(db, slug);
  const [row] = await db
    .select()
    .from(households)
    .where(and(eq(households.communeId, commune.id), eq(households.subscriberCode, code)));
  return row!;
}

/** Where a server action redirected to (Next's redirect() throws an error carrying it in its digest). */
export async function redirectTarget(call: Promise<unknown>): Promise<string> {
  try {
    await call;
  } catch (error) {
    const digest = (error as { digest?: string }).digest ?? "";
    if (digest.startsWith("NEXT_REDIRECT")) return digest.split(";")[2]!;
    throw error;
  }
  throw new Error("the action did not redirect");
}

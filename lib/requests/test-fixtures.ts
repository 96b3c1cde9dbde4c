import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { requests } from "@/db/schema";
import { insertFamily } from "@/lib/family-file/test-fixtures";
import { insertCommune } from "@/lib/testing/fixtures";
import { setUpTestDatabase } from "@/lib/testing/set-up-test-database";
import { submitChange } from "./submit-change";
import type { FamilyFileChangeType } from "./types";

type TestFamily = Awaited<ReturnType<typeof insertFamily>>;

/** A new commune with one household (two responsables, a child), its family account and an agent. */
async function insertCommuneWithFamily(db: Db) {
  const commune = await insertCommune(db);
  const family = await insertFamily(db, commune.id);
  return { commune, ...family };
}

/** The file's test database (setUpTestDatabase: call it at the top of the file), and `setup` for a fresh family in it. */
export function setUpRequestsTest() {
  const database = setUpTestDatabase();
  const db = () => database.db;
  return { db, setup: () => insertCommuneWithFamily(db()) };
}

/** The household's account proposes new values for one record of its file; the request's id ("" if none). */
export async function proposeChange(
  db: Db,
  family: TestFamily,
  type: FamilyFileChangeType,
  targetId: string,
  proposed: Record<string, unknown>,
): Promise<string> {
  const result = await submitChange(db, { ...family.scope, userId: family.family.id, type, targetId, proposed });
  return result.ok ? (result.request?.id ?? "") : "";
}

/** The household's pending requests, straight from the table. */
export function pendingRows(db: Db, householdId: string) {
  return db
    .select()
    .from(requests)
    .where(and(eq(requests.householdId, householdId), eq(requests.status, "pending")));
}

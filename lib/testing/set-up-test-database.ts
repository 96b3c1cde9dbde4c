import { afterAll, beforeAll } from "vitest";
import type { Db } from "@/db/client";
import { harness } from "./harness";
import { createTestDatabase } from "./test-db";

/**
 * A fresh database for the calling test file, created before its tests and dropped after them, and handed to
 * the server-action harness. Call it at the top of the file, before the file's own beforeAll.
 */
export function setUpTestDatabase(): { readonly db: Db } {
  let db: Db | undefined;
  let close: (() => Promise<void>) | undefined;
  beforeAll(async () => {
    const handle = await createTestDatabase();
    db = handle.db;
    close = handle.close;
    harness.db = handle.db;
  });
  afterAll(async () => {
    await close?.();
  });
  return {
    get db() {
      if (!db) throw new Error("the test database is created in beforeAll: use it inside hooks and tests");
      return db;
    },
  };
}

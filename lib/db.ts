import "server-only";
import { type DatabaseHandle, type Db, openDatabase } from "@/db/client";
import { e2eMode } from "@/lib/e2e-mode";
import { env } from "@/lib/env";

const globalForDb = globalThis as unknown as { portailDb?: Promise<DatabaseHandle> };

async function start(): Promise<DatabaseHandle> {
  const handle = await openDatabase({ url: env.DATABASE_URL, dataDir: env.PGLITE_DATA_DIR });
  try {
    await handle.migrate();
    // Loaded only here, on the first start of an embedded database: the demo data stays out of every page's bundle.
    if (handle.kind === "pglite" && env.SEED_DEMO) {
      const { seedIfEmpty } = await import("@/db/seed");
      await seedIfEmpty(handle.db, { familyCopies: e2eMode()?.familyCopies ?? 0 });
    }
    return handle;
  } catch (error) {
    await handle.close();
    throw error;
  }
}

/** The process-wide database, opened, migrated (and seeded when embedded and empty) on first use. */
export async function getDb(): Promise<Db> {
  // Cached on globalThis: Next may load this module in several bundles of one process.
  globalForDb.portailDb ??= start().catch((error) => {
    globalForDb.portailDb = undefined; // a failed start must not stick: the next request retries
    throw error;
  });
  return (await globalForDb.portailDb).db;
}

import "server-only";
import { type DatabaseHandle, type Db, openDatabase } from "@/db/client";
import { prepareDatabase } from "@/db/prepare";
import { keepPlannerStatisticsFresh } from "@/db/statistics";
import { e2eMode } from "@/lib/e2e-mode";
import { env } from "@/lib/env";

const globalForDb = globalThis as unknown as { portailDb?: Promise<DatabaseHandle> };

async function start(): Promise<DatabaseHandle> {
  const handle = await openDatabase({
    url: env.DATABASE_URL,
    dataDir: env.PGLITE_DATA_DIR,
    poolMax: env.DATABASE_POOL_MAX,
  });
  try {
    // The demo is seeded into an empty database, PostgreSQL or embedded, unless SEED_DEMO=false (a real town);
    // instances starting together seed it once.
    await prepareDatabase(handle, { seedDemo: env.SEED_DEMO, familyCopies: e2eMode()?.familyCopies ?? 0 });
    // PGlite has no autovacuum (db/statistics.ts).
    if (handle.kind === "pglite") keepPlannerStatisticsFresh(handle.db);
    return handle;
  } catch (error) {
    await handle.close();
    throw error;
  }
}

/** The process-wide database, opened, migrated (and seeded with the demo when empty) on first use. */
export async function getDb(): Promise<Db> {
  // Cached on globalThis: Next may load this module in several bundles of one process.
  globalForDb.portailDb ??= start().catch((error) => {
    globalForDb.portailDb = undefined; // a failed start must not stick: the next request retries
    throw error;
  });
  return (await globalForDb.portailDb).db;
}

/** Opens the database in the background as the server starts, and says when it is ready (or why not). */
export function openDatabaseAtStart(): void {
  const start = performance.now();
  getDb().then(
    () => console.log(`> Database ready in ${((performance.now() - start) / 1000).toFixed(1)} s`),
    // Not fatal: the first request retries, and shows the error page meanwhile.
    (error) => console.error("> The database could not be opened:", error),
  );
}

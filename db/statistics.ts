import { sql } from "drizzle-orm";
import type { Db } from "./client";

/*
 * The planner's statistics (ANALYZE). Without them PostgreSQL takes every table for a handful of rows and joins
 * them in nested loops over whole indexes: measured on the demo, the planning's slots of a month took 3.0 ms to
 * execute instead of 0.6. PostgreSQL's autovacuum gathers them, but only a minute or so after a seed; PGlite has
 * no autovacuum at all. So the demo's seed ends with them, and an embedded database's server gathers them again a
 * minute after it starts (not before its first page: the last ones are kept in the folder), then every hour.
 * ANALYZE reads a sample of each table (30,000 rows at most): on the demo, a quarter of a second.
 */

export async function refreshPlannerStatistics(db: Db): Promise<void> {
  await db.execute(sql`analyze`);
}

/** For an embedded database's server: the statistics refreshed `firstAfterMs` after now, then every `everyMs`. */
export function keepPlannerStatisticsFresh(db: Db, { firstAfterMs = 60_000, everyMs = 60 * 60_000 } = {}): () => void {
  const refresh = () =>
    refreshPlannerStatistics(db).catch((error) => console.error("> Statistics not refreshed:", error));
  let every: NodeJS.Timeout | undefined;
  // Unref'd: a process that is done (a script, a test) does not wait for them.
  const first = setTimeout(() => {
    void refresh();
    every = setInterval(refresh, everyMs).unref();
  }, firstAfterMs).unref();
  return () => {
    clearTimeout(first);
    clearInterval(every);
  };
}

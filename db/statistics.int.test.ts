import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { openDatabase } from "./client";
import { keepPlannerStatisticsFresh } from "./statistics";

describe("keepPlannerStatisticsFresh (PGlite has no autovacuum)", () => {
  it("gathers the statistics after its first delay, then again every period as the rows change", async () => {
    const handle = await openDatabase({ dataDir: "memory://" });
    const db = handle.db;
    // What ANALYZE last counted (-1: never analysed); inserting rows does not change it.
    const counted = async () => {
      const [row] = await db
        .select({ rows: sql<number>`reltuples::int` })
        .from(sql`pg_class`)
        .where(sql`relname = 'filled'`);
      return row!.rows;
    };
    const countedOnceIt = async (expected: number) => {
      await expect.poll(counted, { timeout: 5_000, interval: 20 }).toBe(expected);
    };
    let stop = () => {};
    try {
      await db.execute(sql`create table filled (n int)`);
      await db.execute(sql`insert into filled select generate_series(1, 100)`);
      expect(await counted()).toBe(-1);
      stop = keepPlannerStatisticsFresh(db, { firstAfterMs: 300, everyMs: 300 });
      // Not before its first delay (the server's first page does not wait for it).
      expect(await counted()).toBe(-1);
      await countedOnceIt(100);
      await db.execute(sql`insert into filled select generate_series(1, 50)`);
      await countedOnceIt(150);
    } finally {
      stop();
      await handle.close();
    }
  });
});

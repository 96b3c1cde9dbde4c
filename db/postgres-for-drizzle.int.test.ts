import { sql } from "drizzle-orm";
import { drizzle } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { postgresForDrizzle } from "./postgres-for-drizzle";

/*
 * The postgres.js client drizzle runs on (PostgreSQL only: PGlite has no pool).
 * Two connections of two pipelined queries at most: transactions wait for connections kept busy by others.
 */

const table = `postgres_for_drizzle_${process.pid}`;
let client: postgres.Sql;
let db: ReturnType<typeof drizzle>;
/** DATABASE_URL with postgres.js's `max_pipeline` (an option its types leave out, read from the URL too). */
const withPipeline = (queries: number) => {
  const url = new URL(process.env.DATABASE_URL!);
  url.searchParams.set("max_pipeline", String(queries));
  return url.toString();
};
const rows = async <Row>(query: ReturnType<typeof sql>) => (await db.execute(query)) as unknown as Row[];

describe.runIf(process.env.DATABASE_URL)("postgres.js as drizzle uses it", () => {
  beforeAll(async () => {
    client = postgres(withPipeline(2), { max: 2, onnotice: () => {} });
    db = drizzle(postgresForDrizzle(client));
    await db.execute(sql.raw(`create table ${table} (value text not null)`));
  });
  afterAll(async () => {
    await db?.execute(sql.raw(`drop table if exists ${table}`));
    await client?.end();
  });

  it("runs each transaction on a connection of its own while other queries keep every connection busy", async () => {
    const other = (i: number) => rows<{ n: number }>(sql`select ${i}::int as n`);
    // Prepared on both connections first: a prepared query is pipelined behind the others, as on a busy server.
    await Promise.all(Array.from({ length: 10 }, (_, i) => other(i)));
    const inTransaction = () =>
      db.transaction(async (tx) => {
        const first = await tx.execute(sql`select pg_backend_pid() as pid, txid_current() as xid`);
        await tx.execute(sql`select pg_sleep(0.01)`);
        const second = await tx.execute(sql`select pg_backend_pid() as pid, txid_current() as xid`);
        return [first, second] as unknown as [{ pid: number; xid: string }[], { pid: number; xid: string }[]];
      });
    const busy = [db.execute(sql`select pg_sleep(0.2)`), db.execute(sql`select pg_sleep(0.2)`)];
    // Each BEGIN comes right behind a query on the same busy connection, and fills its pipeline.
    const answers = Array.from({ length: 20 }, (_, i) => [other(i), inTransaction()] as const);
    const [, answered, seen] = await Promise.all([
      Promise.all(busy),
      Promise.all(answers.map(([answer]) => answer)),
      Promise.all(answers.map(([, transaction]) => transaction)),
    ]);
    expect(answered.map(([row]) => row!.n)).toEqual(Array.from({ length: 20 }, (_, i) => i));
    for (const [[first], [second]] of seen) {
      expect(second).toEqual(first);
    }
    // One transaction id each: no transaction ran inside another's.
    expect(new Set(seen.map(([[first]]) => first!.xid)).size).toBe(20);
  });

  it("keeps a transaction whose BEGIN fills its connection's pipeline (postgres.js's own begin loses it)", async () => {
    // With no pipelining every query fills its connection's pipeline: the case met under load, every time.
    const unpipelined = postgres(withPipeline(0), { max: 1, onnotice: () => {} });
    try {
      const single = drizzle(postgresForDrizzle(unpipelined));
      const xids = await single.transaction(async (tx) => [
        await tx.execute(sql`select txid_current() as xid`),
        await tx.execute(sql`select txid_current() as xid`),
      ]);
      expect(xids[1]).toEqual(xids[0]);
      const [after] = (await single.execute(sql`select now() = statement_timestamp() as outside`)) as unknown as {
        outside: boolean;
      }[];
      expect(after!.outside).toBe(true);
    } finally {
      await unpipelined.end();
    }
  });

  it("commits, rolls back on an error, and rolls back a nested transaction alone", async () => {
    type Scope = Parameters<Parameters<typeof db.transaction>[0]>[0];
    const insert = (scope: Scope | typeof db, value: string) =>
      scope.execute(sql.raw(`insert into ${table} values ('${value}')`));
    const refusing = (value: string) => async (scope: Scope) => {
      await insert(scope, value);
      throw new Error(`${value} refused`);
    };
    await db.transaction((tx) => insert(tx, "committed"));
    await expect(db.transaction(refusing("rolled back"))).rejects.toThrow("rolled back refused");
    await db.transaction(async (tx) => {
      await insert(tx, "outer");
      await expect(tx.transaction(refusing("nested"))).rejects.toThrow("nested refused");
      await tx.transaction((nested) => insert(nested, "nested kept"));
    });
    const values = await rows<{ value: string }>(sql.raw(`select value from ${table} order by value`));
    expect(values.map((row) => row.value)).toEqual(["committed", "nested kept", "outer"]);
  });

  it("prepares a statement once per connection and runs it again without parsing it", async () => {
    const marker = `prepared_${process.pid}`;
    // Within one transaction: one connection, whose prepared statements pg_prepared_statements lists.
    const [before, after] = await db.transaction(async (tx) => {
      const query = () => tx.execute(sql`select ${1}::int as ${sql.raw(marker)}`);
      await query();
      const once = await tx.execute(
        sql`select count(*)::int as n from pg_prepared_statements where statement like ${`%${marker}%`}`,
      );
      await query();
      await query();
      const again = await tx.execute(
        sql`select count(*)::int as n from pg_prepared_statements where statement like ${`%${marker}%`}`,
      );
      return [once, again] as unknown as [{ n: number }[], { n: number }[]];
    });
    expect(before[0]!.n).toBe(1);
    expect(after[0]!.n).toBe(1);
  });
});

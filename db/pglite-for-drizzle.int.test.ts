import { PGlite } from "@electric-sql/pglite";
import { sql } from "drizzle-orm";
import { drizzle } from "drizzle-orm/pglite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pgliteForDrizzle } from "./pglite-for-drizzle";

/* PGlite as drizzle uses it, its statements prepared once (an in-memory database of its own, on either run). */

let pg: PGlite;
let db: ReturnType<typeof drizzle>;
const rows = async <Row>(query: ReturnType<typeof sql>) => (await db.execute(query)).rows as Row[];

describe("PGlite as drizzle uses it", () => {
  beforeAll(async () => {
    pg = await PGlite.create("memory://");
    db = drizzle(pgliteForDrizzle(pg));
    await db.execute(
      sql`create table item (id int primary key, label text, day date, at timestamptz, tags text[], data jsonb)`,
    );
  });
  afterAll(() => pg?.close());

  it("sends parameters and reads columns as PGlite's own query does", async () => {
    const at = new Date("2026-12-01T08:30:00Z");
    await db.execute(
      sql`insert into item values (${1}, ${"crèche"}, ${"2026-12-01"}, ${at}, ${sql.param(["a", "b"])}, ${JSON.stringify({ n: 1 })})`,
    );
    await db.execute(sql`insert into item (id, label) values (${2}, ${null})`);
    const query = "select id, label, day, at, tags, data from item order by id";
    const ours = await rows<Record<string, unknown>>(sql.raw(query));
    // drizzle on PGlite's own query: the same rows, the same parsers.
    expect(ours).toEqual((await drizzle(pg).execute(sql.raw(query))).rows);
    expect(ours[0]).toEqual({
      id: 1,
      label: "crèche",
      day: "2026-12-01",
      at: "2026-12-01 08:30:00+00",
      tags: ["a", "b"],
      data: { n: 1 },
    });
    expect(ours[1]).toMatchObject({ id: 2, label: null, tags: null });
    // The same text again: the prepared statement, other parameters.
    const byId = (id: number) => rows<{ label: string | null }>(sql`select label from item where id = ${id}`);
    expect(await byId(1)).toEqual([{ label: "crèche" }]);
    expect(await byId(2)).toEqual([{ label: null }]);
  });

  it("reads answers longer than PGlite's output chunks, values split across them, as PGlite's own query does", async () => {
    const own = pgliteForDrizzle(pg);
    // 3,000 rows of accented text, and rows of one value longer than a chunk (8 KB), cut in the middle of a letter.
    const many = "select n, repeat('é', n % 40) as label, n % 3 = 0 as even from generate_series(1, 3000) n";
    const long = "select n, repeat('aé', 3001 * n) as label from generate_series(1, 3) n";
    for (const text of [many, long]) {
      for (const rowMode of ["object", "array"] as const) {
        const ours = await own.query(text, [], { rowMode });
        const theirs = await pg.query(text, [], { rowMode });
        expect(ours.rows).toEqual(theirs.rows);
        expect(ours.fields).toEqual(theirs.fields);
      }
    }
    expect((await own.query<{ label: string }>(long)).rows[2]!.label).toHaveLength(2 * 3001 * 3);
  });

  it("counts the rows a statement changed, as PGlite's own query does", async () => {
    const own = pgliteForDrizzle(pg);
    await own.query("create table counted (n int)");
    const inserted = await own.query("insert into counted select generate_series(1, 5)");
    const updated = await own.query("update counted set n = n + 1 where n > $1", [2]);
    expect(inserted).toMatchObject({ affectedRows: 5, rows: [] });
    expect(updated).toMatchObject({ affectedRows: 3 });
    expect(await own.query("delete from counted")).toEqual({
      rows: [],
      fields: [],
      command: "DELETE",
      affectedRows: 5,
      rowCount: 5,
    });
  });

  it("reports an error that comes after rows, with PostgreSQL's code and constraint", async () => {
    const own = pgliteForDrizzle(pg);
    await expect(own.query("select 1 / (50 - n) from generate_series(1, 100) n")).rejects.toMatchObject({
      code: "22012",
    });
    await expect(own.query("insert into item (id) values (1)")).rejects.toMatchObject({
      code: "23505",
      constraint: "item_pkey",
      table: "item",
    });
  });

  it("reports a failed statement and carries on; a statement that does not parse is not kept", async () => {
    await expect(db.execute(sql`insert into item (id) values (${1})`)).rejects.toMatchObject({
      cause: expect.objectContaining({ code: "23505" }),
    });
    await expect(db.execute(sql.raw("select nonsense from"))).rejects.toThrow();
    await expect(db.execute(sql.raw("select nonsense from"))).rejects.toMatchObject({
      cause: expect.objectContaining({ code: "42601" }),
    });
    expect(await rows<{ n: number }>(sql`select count(*)::int as n from item`)).toEqual([{ n: 2 }]);
  });

  it("waits for a transaction in progress instead of running inside it", async () => {
    let inserted!: () => void;
    const insertedYet = new Promise<void>((resolve) => {
      inserted = resolve;
    });
    const order: string[] = [];
    const transaction = db.transaction(async (tx) => {
      await tx.execute(sql`insert into item (id, label) values (${3}, ${"dans la transaction"})`);
      inserted();
      // Time for the statement outside to run, were it not made to wait.
      await new Promise((resolve) => setTimeout(resolve, 50));
      order.push("commit");
      tx.rollback();
    });
    await insertedYet;
    const outside = rows<{ n: number }>(sql`select count(*)::int as n from item where id = ${3}`).then((result) => {
      order.push("outside");
      return result;
    });
    await expect(transaction).rejects.toThrow();
    // Rolled back before the statement outside ran: it never saw the row.
    expect(await outside).toEqual([{ n: 0 }]);
    expect(order).toEqual(["commit", "outside"]);
  });

  it("keeps working past the number of statements it keeps prepared, even when the newest does not parse", async () => {
    const fresh = await PGlite.create("memory://");
    try {
      const own = drizzle(pgliteForDrizzle(fresh));
      const number = async (i: number) => (await own.execute(sql.raw(`select ${i}::int as n`))).rows;
      for (let i = 0; i < 500; i++) expect(await number(i)).toEqual([{ n: i }]);
      // The 501st text closes the oldest (select 0) and fails to parse.
      await expect(own.execute(sql.raw("select nonsense from"))).rejects.toThrow();
      expect(await number(0)).toEqual([{ n: 0 }]);
      for (let i = 500; i < 520; i++) expect(await number(i)).toEqual([{ n: i }]);
      expect(await number(1)).toEqual([{ n: 1 }]);
    } finally {
      await fresh.close();
    }
  });
});

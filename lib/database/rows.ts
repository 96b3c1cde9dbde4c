import type { SQL } from "drizzle-orm";
import type { Db } from "@/db/client";

/**
 * Runs a raw statement and returns its rows: `db.execute` gives `{ rows }` on PGlite but the array itself on
 * postgres.js. Cast dates and timestamps to text in the SQL: the two drivers parse them differently.
 */
export async function executeRows<Row>(db: Db, query: SQL): Promise<Row[]> {
  const result = (await db.execute(query)) as unknown as Row[] | { rows: Row[] };
  return Array.isArray(result) ? result : result.rows;
}

/** A PostgreSQL array literal of plain values (uuids, dates, enum codes: no comma, quote or brace), bound as one parameter. */
export const pgArray = (values: readonly string[]) => `{${values.join(",")}}`;

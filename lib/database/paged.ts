import { sql } from "drizzle-orm";

/*
 * A page of rows and the count of all the rows it is a page of, in one statement: each row carries the count
 * (`count(*) over ()`), where a separate count query cost a second statement on every list page.
 */

/** The column that gives each row of a page the count of every matching row. */
export const countOverAll = () => sql<number>`count(*) over ()`.mapWith(Number);

/** The total behind a page: read off its rows, else (a page past the last has none) counted apart. */
export async function totalOfPage(
  rows: readonly { total: number }[],
  page: number,
  countApart: () => Promise<number>,
): Promise<number> {
  if (rows[0]) return rows[0].total;
  return page > 1 ? countApart() : 0;
}

import type { Db } from "@/db/client";

/**
 * A query built once per database and then only run, its `sql.placeholder`s filled on each call (drizzle's
 * `.prepare()`). For the reads every request makes (the commune, the session): building a query walks every
 * column and condition through drizzle's type checks, a cost paid again on each request otherwise. Not for a
 * transaction's `tx`: a query prepared on one is bound to it.
 */
export function preparedPerDatabase<Query>(build: (db: Db) => Query): (db: Db) => Query {
  const built = new WeakMap<Db, Query>();
  return (db) => {
    let query = built.get(db);
    if (!query) {
      query = build(db);
      built.set(db, query);
    }
    return query;
  };
}

import type { ReservedSql, Sql } from "postgres";

/*
 * postgres.js as drizzle uses it, with two changes:
 *
 * - Every statement is prepared once per connection and reused. Drizzle sends its queries unprepared, and
 *   postgres.js then sends each one with parameters in two round trips (describe, then bind and execute) and
 *   PostgreSQL parses it every time; prepared, a statement already seen on the connection is one round trip and
 *   no parse. They are kept per connection by their text (postgres.js's own cache, as for its tagged templates)
 *   and go with the connection, recycled every 30 to 60 minutes. `?prepare=false` on DATABASE_URL still turns
 *   them off, for a pooler in transaction mode.
 * - A transaction runs on a connection reserved first, then BEGIN. postgres.js's own `begin` may send BEGIN on a
 *   connection busy with other queries and, when that BEGIN fills the connection's pipeline, forget to reserve
 *   it (porsager/postgres#823, #1189: UNSAFE_TRANSACTION, or other requests' queries run inside the
 *   transaction). Prepared statements keep connections busy with pipelined queries, which made it happen under
 *   load; a reserved connection is one no other query uses.
 */

type Statements = Pick<Sql, "unsafe">;
type Body = (scoped: Sql) => unknown;

/** `sql` with its statements prepared and its transactions on reserved connections. */
export function postgresForDrizzle<T extends Sql>(sql: T): T {
  return withPreparedStatements(sql, { begin: (...args: unknown[]) => transaction(sql, ...args) });
}

function withPreparedStatements<T extends Statements>(sql: T, extra: Record<string, unknown>): T {
  return new Proxy(sql, {
    get(target, property, receiver) {
      if (property === "unsafe")
        return (query: string, parameters?: unknown[], options?: object) =>
          target.unsafe(query, parameters as never, { ...options, prepare: true });
      if (typeof property === "string" && property in extra) return extra[property];
      return Reflect.get(target, property, receiver);
    },
  });
}

/** `sql.begin([options], body)`'s contract: BEGIN, the body, then COMMIT, or ROLLBACK and the body's error. */
function transaction(sql: Sql, ...args: unknown[]): Promise<unknown> {
  const body = args.pop() as Body;
  // Access mode and isolation words only, as postgres.js allows.
  const options = typeof args[0] === "string" ? args[0].replace(/[^a-z ]/gi, "") : "";
  return sql.reserve().then(async (connection) => {
    try {
      await connection.unsafe(`begin ${options}`);
      const names = { next: 0 };
      return await inScope(
        { connection, names },
        body,
        () => connection.unsafe("commit"),
        () => connection.unsafe("rollback"),
      );
    } finally {
      connection.release();
    }
  });
}

/** Runs `body` on the reserved connection (a savepoint inside it runs the same way), then ends its scope. */
async function inScope(
  { connection, names }: { connection: ReservedSql; names: { next: number } },
  body: Body,
  commit: () => Promise<unknown>,
  rollback: () => Promise<unknown>,
): Promise<unknown> {
  const savepoint = async (...args: unknown[]) => {
    const nested = args.pop() as Body;
    const name = `s${names.next++}`;
    await connection.unsafe(`savepoint ${name}`);
    return inScope(
      { connection, names },
      nested,
      () => connection.unsafe(`release savepoint ${name}`),
      () => connection.unsafe(`rollback to savepoint ${name}`),
    );
  };
  let result: unknown;
  try {
    result = await body(withPreparedStatements(connection, { savepoint }) as unknown as Sql);
  } catch (error) {
    await rollback();
    throw error;
  }
  await commit();
  return result;
}

/*
 * PostgreSQL's error codes (SQLSTATE), as postgres.js and PGlite put them on the error's `code`. Drizzle wraps
 * the driver's error in `cause`, so the chain is searched a few levels down.
 */

const MAX_DEPTH = 5;

/** Whether the error, or one it wraps, carries one of these codes. */
export function hasPgErrorCode(error: unknown, codes: readonly string[]): boolean {
  for (
    let e: unknown = error, depth = 0;
    e && typeof e === "object" && depth < MAX_DEPTH;
    e = (e as { cause?: unknown }).cause, depth++
  ) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string" && codes.includes(code)) return true;
  }
  return false;
}

/** "unique_violation": an insert or update met a row that a unique index already holds. */
export function isUniqueViolation(error: unknown): boolean {
  return hasPgErrorCode(error, ["23505"]);
}

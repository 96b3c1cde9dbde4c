// End-to-end runs (playwright.config.ts) start the server on a fixed instant and with spare copies of the demo's
// families. Only server.mjs reads these settings, and only grants them to a throwaway server: listening on the
// loopback interface, on the embedded database, sending no real mail. It hands them to the app through a global,
// never through the environment, so `next start`, Vercel or a copied .env file cannot turn them on.
// Plain JavaScript, like server.mjs. Typed by e2e-mode.d.mts.

/** Where server.mjs leaves the granted settings for the app (lib/clock.ts, lib/db.ts). */
export const E2E_MODE = Symbol.for("portail.e2eMode");

const LOOPBACK_HOSTS = new Set(["127.0.0.1", "::1", "localhost"]);
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;
const MAX_FAMILY_COPIES = 200;

/** "2027-01-11T08:00:00+01:00": a real calendar day (Date.parse rolls 30 February over), a time and an offset. */
function isInstantWithOffset(value) {
  const day = value.slice(0, 10);
  return (
    INSTANT.test(value) &&
    !Number.isNaN(Date.parse(value)) &&
    new Date(`${day}T12:00:00Z`).toISOString().startsWith(day)
  );
}

/**
 * E2E_CLOCK_START (an instant with its offset: the portal's clock reads it when the server starts, then runs on)
 * and E2E_FAMILY_COPIES (how many copies of the demo's families to seed): null when neither is set. Throws when
 * this server may not have them or they are malformed, so the server refuses to start.
 */
export function readE2eMode(env, hostname, realNow = Date.now()) {
  const clockStart = env.E2E_CLOCK_START || undefined;
  const familyCopies = env.E2E_FAMILY_COPIES || undefined;
  if (clockStart === undefined && familyCopies === undefined) return null;
  const missing = [
    !LOOPBACK_HOSTS.has(hostname ?? "") && "a server listening on the loopback interface only (-H 127.0.0.1)",
    env.DATABASE_URL && "the embedded database (no DATABASE_URL)",
    env.RESEND_API_KEY && "no mail provider (no RESEND_API_KEY)",
  ].filter(Boolean);
  if (missing.length > 0)
    throw new Error(`E2E_CLOCK_START and E2E_FAMILY_COPIES are for end-to-end runs, which need ${missing.join(", ")}.`);
  if (clockStart !== undefined && !isInstantWithOffset(clockStart))
    throw new Error(
      `E2E_CLOCK_START must be an instant with its offset, e.g. 2027-01-11T08:00:00+01:00 (got "${clockStart}").`,
    );
  if (familyCopies !== undefined && !(/^\d+$/.test(familyCopies) && Number(familyCopies) <= MAX_FAMILY_COPIES))
    throw new Error(`E2E_FAMILY_COPIES must be a whole number from 0 to ${MAX_FAMILY_COPIES} (got "${familyCopies}").`);
  return {
    clockOffsetMs: clockStart === undefined ? 0 : Date.parse(clockStart) - realNow,
    familyCopies: Number(familyCopies ?? 0),
  };
}

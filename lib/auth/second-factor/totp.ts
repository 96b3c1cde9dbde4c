import { Secret, TOTP } from "otpauth";

/*
 * TOTP (RFC 6238) as every authenticator app does it by default: SHA-1, 6 digits, 30-second steps. The library
 * computes the codes; which steps are accepted, and that each is accepted once, is decided here and in the database.
 */
const PERIOD_SECONDS = 30;
/** One step either side: a phone whose clock is a little off still works. */
const WINDOW_STEPS = 1;

/** A new random 160-bit secret, in base32 (what the apps' manual entry expects). */
export function generateTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

/** The otpauth:// link the QR code carries. */
export function totpUri(p: { secret: string; issuer: string; account: string }): string {
  return new TOTP({
    issuer: p.issuer,
    label: p.account,
    secret: Secret.fromBase32(p.secret),
    period: PERIOD_SECONDS,
  }).toString();
}

/** The time step (30-second period since the epoch) at `nowMs`. */
export function totpStep(nowMs: number): number {
  return TOTP.counter({ period: PERIOD_SECONDS, timestamp: nowMs });
}

/** The step whose code this is, within the window around `nowMs`; null for a wrong code. */
export function matchTotpStep(secret: string, code: string, nowMs: number): number | null {
  if (!/^\d{6}$/.test(code)) return null;
  const delta = TOTP.validate({
    token: code,
    secret: Secret.fromBase32(secret),
    period: PERIOD_SECONDS,
    timestamp: nowMs,
    window: WINDOW_STEPS,
  });
  return delta === null ? null : totpStep(nowMs) + delta;
}

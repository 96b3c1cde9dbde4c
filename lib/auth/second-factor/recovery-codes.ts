import { createHash, randomInt } from "node:crypto";

/*
 * Recovery codes: 16 characters of Crockford's base32 (no I, L, O, U), i.e. 80 random bits. That is enough for a
 * plain SHA-256 to be safe against a leaked table, so the codes do not depend on AUTH_SECRET: they still work if
 * the secret is rotated and the authenticator secrets can no longer be decrypted.
 */
export const RECOVERY_CODE_COUNT = 10;
const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
const LENGTH = 16;

/** Ten new codes, as shown to the person once: "ABCD-EFGH-JK01-MNPQ". */
export function generateRecoveryCodes(): string[] {
  const codes = new Set<string>();
  while (codes.size < RECOVERY_CODE_COUNT) {
    const raw = Array.from({ length: LENGTH }, () => ALPHABET[randomInt(ALPHABET.length)]).join("");
    codes.add(raw.match(/.{4}/g)!.join("-"));
  }
  return [...codes];
}

/** The code as stored, however it was typed (case, spaces, dashes, O/0 and I/L/1 mix-ups); null if it cannot be one. */
export function normalizeRecoveryCode(input: string): string | null {
  const code = input.toUpperCase().replace(/[\s-]/g, "").replace(/O/g, "0").replace(/[IL]/g, "1");
  return code.length === LENGTH && [...code].every((c) => ALPHABET.includes(c)) ? code : null;
}

export function hashRecoveryCode(normalized: string): string {
  return createHash("sha256").update(normalized).digest("hex");
}

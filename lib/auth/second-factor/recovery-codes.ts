import { createHash, randomInt } from "node:crypto";
import { RECOVERY_CODE_ALPHABET, RECOVERY_CODE_LENGTH } from "./recovery-code-format";

export const RECOVERY_CODE_COUNT = 10;

/** Ten new codes, as shown to the person once: "ABCD-EFGH-JK01-MNPQ". */
export function generateRecoveryCodes(): string[] {
  const codes = new Set<string>();
  while (codes.size < RECOVERY_CODE_COUNT) {
    const raw = Array.from(
      { length: RECOVERY_CODE_LENGTH },
      () => RECOVERY_CODE_ALPHABET[randomInt(RECOVERY_CODE_ALPHABET.length)],
    ).join("");
    codes.add(raw.match(/.{4}/g)!.join("-"));
  }
  return [...codes];
}

/**
 * Only a SHA-256 of the normalized code is kept. 80 random bits make a plain hash safe against a leaked table, so
 * the codes do not depend on AUTH_SECRET: they still work if it is rotated and the TOTP secrets become unreadable.
 */
export function hashRecoveryCode(normalized: string): string {
  return createHash("sha256").update(normalized).digest("hex");
}

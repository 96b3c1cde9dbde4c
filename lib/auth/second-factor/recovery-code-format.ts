/*
 * Recovery codes: 16 characters of Crockford's base32 (no I, L, O, U), i.e. 80 random bits. Pure and free of Node
 * modules: the forms' schema reads codes with it in the browser too.
 */
export const RECOVERY_CODE_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
export const RECOVERY_CODE_LENGTH = 16;

/** The code as stored, however it was typed (case, spaces, dashes, O/0 and I/L/1 mix-ups); null if it cannot be one. */
export function normalizeRecoveryCode(input: string): string | null {
  const code = input.toUpperCase().replace(/[\s-]/g, "").replace(/O/g, "0").replace(/[IL]/g, "1");
  return code.length === RECOVERY_CODE_LENGTH && [...code].every((c) => RECOVERY_CODE_ALPHABET.includes(c))
    ? code
    : null;
}

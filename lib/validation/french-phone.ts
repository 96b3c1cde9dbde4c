import { z } from "zod";

/**
 * French phone numbers, typed however people write them ("06 12 34 56 78", "06.12.34.56.78",
 * "+33 6 12 34 56 78", "+33 (0)6…", "0033 6…"), stored in the national form the town dials: "06 12 34 56 78".
 * Overseas departments (+262, +590, +594, +596) dial as national numbers too ("0692…").
 */
const OVERSEAS_CODES = ["262", "590", "594", "596"];

export type PhoneCheck = { ok: true; national: string; e164: string; mobile: boolean } | { ok: false; message: string };

const INVALID = "Saisissez un numéro de téléphone français à 10 chiffres, par exemple 06 12 34 56 78.";

/** The 9 digits after the leading 0 (or the country code), or null if the input is not a French number. */
function significantDigits(input: string): string | null {
  let s = input.trim();
  if (!/^[+\d][\d\s.\-()/]*$/.test(s)) return null;
  s = s.replace(/\(0\)/, "").replace(/[\s.\-()/]/g, "");
  if (s.startsWith("+")) s = `00${s.slice(1)}`;
  if (s.startsWith("0033")) return /^\d{9}$/.test(s.slice(4)) ? s.slice(4) : null;
  const overseas = OVERSEAS_CODES.find((code) => s.startsWith(`00${code}`));
  if (overseas) return /^\d{9}$/.test(s.slice(5)) ? s.slice(5) : null;
  if (s.startsWith("00")) return null;
  return /^0\d{9}$/.test(s) ? s.slice(1) : null;
}

export function checkFrenchPhone(input: string): PhoneCheck {
  const digits = significantDigits(input);
  if (!digits || digits[0] === "0") return { ok: false, message: INVALID };
  const national = `0${digits}`.replace(/(\d{2})(?=\d)/g, "$1 ");
  return { ok: true, national, e164: `+33${digits}`, mobile: digits[0] === "6" || digits[0] === "7" };
}

/** "06 12 34 56 78" for any accepted spelling, or null. */
export function normalizeFrenchPhone(input: string): string | null {
  const result = checkFrenchPhone(input);
  return result.ok ? result.national : null;
}

/** Form field: empty → null when optional; otherwise the national form, or the French message. */
export const frenchPhoneField = (label: string, options: { required?: boolean } = {}) =>
  z
    .string()
    .optional()
    .transform((value, ctx) => {
      const trimmed = (value ?? "").trim();
      if (!trimmed) {
        if (options.required) ctx.addIssue({ code: "custom", message: `${label} est obligatoire.` });
        return null;
      }
      const result = checkFrenchPhone(trimmed);
      if (result.ok) return result.national;
      ctx.addIssue({
        code: "custom",
        message: `${label} : ${result.message.charAt(0).toLowerCase()}${result.message.slice(1)}`,
      });
      return z.NEVER;
    });

import { z } from "zod";

/**
 * IBAN rules (ISO 13616) for SEPA direct debit: the portal only debits accounts of the SEPA area,
 * so a country outside this table is refused rather than guessed.
 */
export const SEPA_IBAN_LENGTHS: Readonly<Record<string, number>> = {
  AD: 24,
  AT: 20,
  BE: 16,
  BG: 22,
  CH: 21,
  CY: 28,
  CZ: 24,
  DE: 22,
  DK: 18,
  EE: 20,
  ES: 24,
  FI: 18,
  FR: 27,
  GB: 22,
  GI: 23,
  GR: 27,
  HR: 21,
  HU: 28,
  IE: 22,
  IS: 26,
  IT: 27,
  LI: 21,
  LT: 20,
  LU: 20,
  LV: 21,
  MC: 27,
  MT: 31,
  NL: 18,
  NO: 15,
  PL: 28,
  PT: 25,
  RO: 24,
  SE: 24,
  SI: 19,
  SK: 24,
  SM: 27,
  VA: 22,
};

export type IbanCheck =
  | { ok: true; iban: string }
  | { ok: false; reason: "empty" | "characters" | "country" | "length" | "checksum"; message: string };

/** What a person types ("fr76 3000 6000…") as the bank prints it, without separators ("FR7630006000…"). */
export function normalizeIban(input: string): string {
  return input.replace(/[\s\u00a0\u202f-]/g, "").toUpperCase();
}

/** ISO 7064 mod 97-10 on the rearranged IBAN (letters A=10 … Z=35), computed piecewise to stay in safe integers. */
export function ibanChecksumIsValid(iban: string): boolean {
  const rearranged = iban.slice(4) + iban.slice(0, 4);
  let remainder = 0;
  for (const char of rearranged) {
    const value = char >= "A" ? char.charCodeAt(0) - 55 : Number(char);
    remainder = (remainder * (value >= 10 ? 100 : 10) + value) % 97;
  }
  return remainder === 1;
}

export function checkIban(input: string): IbanCheck {
  const iban = normalizeIban(input);
  if (!iban) return { ok: false, reason: "empty", message: "L'IBAN est obligatoire." };
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]+$/.test(iban)) {
    return {
      ok: false,
      reason: "characters",
      message: "L'IBAN commence par 2 lettres et 2 chiffres, suivis de lettres et de chiffres uniquement.",
    };
  }
  const expectedLength = SEPA_IBAN_LENGTHS[iban.slice(0, 2)];
  if (!expectedLength)
    return {
      ok: false,
      reason: "country",
      message: "Seuls les IBAN d'un pays de la zone SEPA sont acceptés pour le prélèvement.",
    };
  if (iban.length !== expectedLength) {
    return {
      ok: false,
      reason: "length",
      message: `Un IBAN ${iban.slice(0, 2)} compte ${expectedLength} caractères (vous en avez saisi ${iban.length}).`,
    };
  }
  if (!ibanChecksumIsValid(iban))
    return {
      ok: false,
      reason: "checksum",
      message: "Cet IBAN n'est pas valide : vérifiez chaque caractère (clé de contrôle incorrecte).",
    };
  return { ok: true, iban };
}

/** "FR76 3000 6000 0112 3456 7890 189": groups of four, as on a RIB. */
export function formatIban(iban: string): string {
  return normalizeIban(iban).replace(/(.{4})(?=.)/g, "$1 ");
}

/**
 * "FR76 •••• •••• •••• •••• •••• 189": enough to recognise one's account, not enough to use it.
 * Every read of bank data outside the direct-debit export goes through this.
 */
export function maskIban(iban: string): string {
  const plain = normalizeIban(iban);
  if (plain.length <= 7) return formatIban(plain);
  const masked = plain.slice(0, 4) + "•".repeat(plain.length - 7) + plain.slice(-3);
  return masked.replace(/(.{4})(?=.)/g, "$1 ");
}

/** BIC (ISO 9362): 4 letters bank, 2 letters country, 2 location, optional 3 branch. */
export function normalizeBic(input: string): string {
  return input.replace(/\s/g, "").toUpperCase();
}

export function bicIsValid(input: string): boolean {
  return /^[A-Z]{4}[A-Z]{2}[A-Z0-9]{2}([A-Z0-9]{3})?$/.test(normalizeBic(input));
}

/** Form field: a valid SEPA IBAN, stored without spaces. */
export const ibanField = () =>
  z.string({ error: "L'IBAN est obligatoire." }).transform((value, ctx) => {
    const result = checkIban(value);
    if (result.ok) return result.iban;
    ctx.addIssue({ code: "custom", message: result.message });
    return z.NEVER;
  });

export const bicField = () =>
  z
    .string({ error: "Le BIC est obligatoire." })
    .transform(normalizeBic)
    .refine((v) => v.length > 0, "Le BIC est obligatoire.")
    .refine(bicIsValid, "Le BIC compte 8 ou 11 caractères, par exemple BNPAFRPP ou BNPAFRPPXXX.");

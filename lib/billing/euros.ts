/*
 * Prices as a town agent types them ("1,85", "12", "1 250,00 €") to integer cents, without floating point: the
 * digits are read as text. Pure, shared by the forms (in the browser) and their server actions: settings, payments,
 * subscription by invoice.
 */

export type EurosParse = { ok: true; cents: number } | { ok: false; message: string };

/** The highest price a form accepts unless told otherwise: 10 000,00 €. */
export const DEFAULT_MAX_CENTS = 1_000_000;

const EXAMPLE = "par exemple 1,85";

/**
 * "1,85" → 185 cents. Accepts a comma or a dot, spaces between thousands and a trailing "€"; refuses a negative
 * amount, more than two decimals, letters and anything above `maxCents`, each with its own French message.
 */
export function parseEurosToCents(input: string, options: { label?: string; maxCents?: number } = {}): EurosParse {
  const label = options.label ?? "Le prix";
  const maxCents = options.maxCents ?? DEFAULT_MAX_CENTS;
  const text = input
    .trim()
    .replace(/\s*€$/u, "")
    .replace(/[\s\u00a0\u202f]/gu, "");
  if (text === "") return { ok: false, message: `${label} est obligatoire.` };
  if (/^[-−]/u.test(text)) return { ok: false, message: `${label} ne peut pas être négatif.` };
  const match = /^(\d{1,9})(?:[,.](\d*))?$/u.exec(text);
  if (!match) return { ok: false, message: `${label} doit être un montant en euros, ${EXAMPLE}.` };
  const [, whole = "", decimals = ""] = match;
  if (decimals.length > 2)
    return { ok: false, message: `${label} doit avoir au plus deux chiffres après la virgule, ${EXAMPLE}.` };
  if (/[,.]$/u.test(text) && decimals === "")
    return { ok: false, message: `${label} doit être un montant en euros, ${EXAMPLE}.` };
  const cents = Number(whole) * 100 + Number(decimals.padEnd(2, "0"));
  if (cents > maxCents)
    return { ok: false, message: `${label} ne doit pas dépasser ${centsToEurosInput(maxCents)} €.` };
  return { ok: true, cents };
}

/** The highest amount parseEuroAmount reads: 9 999 999,99 €. */
const MAX_AMOUNT_CENTS = 999_999_999;

/** "86,40", "86.40", "1 086,4 €" → 8640… cents; null when it is not an amount (parseEurosToCents without a message). */
export function parseEuroAmount(input: string): number | null {
  const parsed = parseEurosToCents(input, { maxCents: MAX_AMOUNT_CENTS });
  return parsed.ok ? parsed.cents : null;
}

/** 185 → "1,85": how a price in cents is put back in a form field (no thousands separator, no "€"). */
export function centsToEurosInput(cents: number): string {
  const sign = cents < 0 ? "-" : "";
  const abs = Math.abs(cents);
  return `${sign}${Math.floor(abs / 100)},${String(abs % 100).padStart(2, "0")}`;
}

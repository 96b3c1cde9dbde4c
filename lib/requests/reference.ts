/** Request reference numbers: "D2026-000123", numbered per commune and per year (Europe/Paris). */

import { parisDay } from "@/lib/planning/days";

export const REFERENCE_PREFIX = "D";
/** The sequence is zero-padded to this many digits (more once it outgrows them). */
export const REFERENCE_SEQUENCE_DIGITS = 6;

/** The numbering year of a request made at this instant: a request at 23:30 UTC on 31 December is already next year in Paris. */
export function referenceYear(at: Date): number {
  return Number(parisDay(at).slice(0, 4));
}

export function formatRequestReference(year: number, sequence: number): string {
  if (!Number.isInteger(sequence) || sequence < 1) throw new RangeError(`invalid request sequence ${sequence}`);
  return `${REFERENCE_PREFIX}${year}-${String(sequence).padStart(REFERENCE_SEQUENCE_DIGITS, "0")}`;
}

/**
 * What a person types in the "Référence" filter: a whole reference in any spelling ("d2026-123", "D2026 000123")
 * gives `{ exact }`; anything else gives `{ contains }` (digits and letters only) for a partial search.
 */
export function parseReferenceQuery(input: string): { exact: string } | { contains: string } | null {
  const compact = input.toUpperCase().replace(/[\s\u00a0]/g, "");
  if (!compact) return null;
  const whole = /^D?(\d{4})-(\d{1,6})$/.exec(compact) ?? /^D(\d{4})(\d{6})$/.exec(compact);
  if (whole && Number(whole[2]) > 0) return { exact: formatRequestReference(Number(whole[1]), Number(whole[2])) };
  const contains = compact.replace(/[^A-Z0-9-]/g, "");
  return contains ? { contains } : null;
}

/** What a PayFiP result code (resultrans) means for the invoice. */
export type PayfipOutcome = "paid" | "refused" | "cancelled";

const OUTCOMES: Record<string, PayfipOutcome> = {
  P: "paid", // by card
  V: "paid", // by direct debit
  R: "refused", // card refused
  Z: "refused", // direct debit refused
  A: "cancelled", // abandoned by the payer
};

/** null: a code the portal does not know, treated as "not known yet" by the caller. */
export function outcomeOf(resultCode: string): PayfipOutcome | null {
  return Object.hasOwn(OUTCOMES, resultCode) ? (OUTCOMES[resultCode] ?? null) : null;
}

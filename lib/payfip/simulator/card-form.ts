import { centsToEurosInput, parseEurosToCents } from "@/lib/billing/euros";
import { PAYFIP_MAX_CENTS } from "../messages";

/*
 * The simulator's card page form: the payer's choice (one button each) and the simulator's options. Pure: the route
 * reads it, the page shows it back with its errors.
 */

export const CARD_CHOICES = {
  payer: { resultCode: "P", comesBack: true },
  refuser: { resultCode: "R", comesBack: true },
  abandonner: { resultCode: "A", comesBack: true },
  "payer-sans-revenir": { resultCode: "P", comesBack: false },
} as const;

export type CardChoice = keyof typeof CARD_CHOICES;

/** "Résultat connu après" goes up to two hours: past the portal's hour of re-checks, to try its expiry. */
export const MAX_RESULT_DELAY_MINUTES = 120;

/** The options as typed, to show them back. */
export type CardFormValues = { amount: string; delayMinutes: string; notifyTwice: boolean };
export type CardFormErrors = Partial<Record<"amount" | "delayMinutes", string>>;

export type CardDecision = {
  resultCode: "P" | "R" | "A";
  /** Only for a payment: what the card was debited. */
  paidCents?: number;
  resultDelayMs: number;
  notifications: 1 | 2;
  /** false: "Payer sans revenir sur le portail", the browser stays on the simulator. */
  comesBack: boolean;
};

export type CardFormReading =
  | { ok: true; decision: CardDecision }
  | { ok: false; values: CardFormValues; errors: CardFormErrors };

/** What the page shows first: the amount asked, the result known at once, two notifications as PayFiP may send. */
export function defaultCardFormValues(amountCents: number): CardFormValues {
  return { amount: centsToEurosInput(amountCents), delayMinutes: "0", notifyTwice: true };
}

const field = (form: FormData, name: string): string => {
  const value = form.get(name);
  return typeof value === "string" ? value : "";
};

/** null: no button of the page was used, not a submission of this form. */
export function readCardForm(form: FormData): CardFormReading | null {
  const choiceName = field(form, "choix");
  if (!Object.hasOwn(CARD_CHOICES, choiceName)) return null;
  const choice = CARD_CHOICES[choiceName as CardChoice];
  const values: CardFormValues = {
    amount: field(form, "montant"),
    delayMinutes: field(form, "delai"),
    notifyTwice: form.has("deuxNotifications"),
  };
  const errors: CardFormErrors = {};

  let paidCents: number | undefined;
  if (choice.resultCode === "P") {
    const amount = parseEurosToCents(values.amount, { label: "Le montant débité", maxCents: PAYFIP_MAX_CENTS });
    if (!amount.ok) errors.amount = amount.message;
    else if (amount.cents === 0) errors.amount = "Le montant débité doit être supérieur à 0 €.";
    else paidCents = amount.cents;
  }
  const delay = values.delayMinutes.trim();
  const minutes = /^\d{1,3}$/.test(delay) ? Number(delay) : Number.NaN;
  if (!(minutes <= MAX_RESULT_DELAY_MINUTES))
    errors.delayMinutes = `Le délai doit être un nombre entier de minutes, de 0 à ${MAX_RESULT_DELAY_MINUTES}.`;

  if (Object.keys(errors).length > 0) return { ok: false, values, errors };
  return {
    ok: true,
    decision: {
      resultCode: choice.resultCode,
      paidCents,
      resultDelayMs: minutes * 60_000,
      notifications: values.notifyTwice ? 2 : 1,
      comesBack: choice.comesBack,
    },
  };
}

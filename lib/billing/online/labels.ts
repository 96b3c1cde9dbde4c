import type { OnlinePaymentFlag, OnlinePaymentState } from "@/db/schema";
import { formatEuros } from "@/lib/format";
import { PAYFIP_MAX_CENTS, PAYFIP_MIN_CENTS } from "@/lib/payfip/messages";
import type { OnlinePayability } from "./eligibility";

/** An attempt's state as the family and the agents read it ("opening" is a detail of ours: both are "En cours"). */
export const ONLINE_PAYMENT_STATE_LABELS: Record<OnlinePaymentState, string> = {
  opening: "En cours",
  open: "En cours",
  paid: "Payé",
  refused: "Refusé",
  cancelled: "Abandonné",
  expired: "Expiré",
  failed: "Échec",
};

/** Why an agent must look at a paid attempt. */
export const ONLINE_PAYMENT_FLAG_LABELS: Record<OnlinePaymentFlag, string> = {
  amount_mismatch: "Montant différent du montant demandé",
  not_recorded: "Payé mais non enregistré : à affecter",
};

/** PayFiP's resultrans, for the agents' "Résultat" column. */
const RESULT_CODE_LABELS: Record<string, string> = {
  P: "Payé par carte",
  V: "Payé par prélèvement",
  R: "Carte refusée",
  Z: "Prélèvement refusé",
  A: "Abandonné",
};

/** "P : Payé par carte"; a code PayFiP does not document is shown as it came. */
export function resultCodeLabel(code: string): string {
  const label = RESULT_CODE_LABELS[code];
  return label ? `${code} : ${label}` : code;
}

/** Why "Payer en ligne" is not offered, in the family's words (the button is hidden; a forged post reads this). */
export const NOT_PAYABLE_MESSAGES: Record<Extract<OnlinePayability, { payable: false }>["reason"], string> = {
  not_configured: "Le paiement en ligne n'est pas proposé pour cette facture.",
  not_due: "Cette facture n'a plus de montant à régler.",
  treasury: "Cette facture est transmise en trésorerie : elle se règle auprès du comptable public.",
  direct_debit: "Cette facture est réglée par prélèvement : vous n'avez rien à faire.",
  cancelled: "Cette facture est annulée par un avoir : elle ne peut plus être réglée.",
  below_minimum: `Le paiement en ligne est possible à partir de ${formatEuros(PAYFIP_MIN_CENTS)}.`,
  above_maximum: `Le paiement en ligne est limité à ${formatEuros(PAYFIP_MAX_CENTS)} : réglez cette facture auprès de la régie.`,
};

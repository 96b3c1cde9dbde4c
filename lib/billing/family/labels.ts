import type { PaymentMethod } from "@/db/schema";

/** A payment's "Moyen de paiement", as the guides print it. */
export const paymentMethodLabels: Record<PaymentMethod, string> = {
  card_online: "Carte bancaire",
  cheque: "Chèque",
  cash: "Espèces",
  direct_debit: "Prélèvement",
  cesu: "CESU",
  transfer: "Virement",
};

/** Mes règlements' "Type de règlement": the online card payment says it was made online. */
export const paymentTypeLabels: Record<PaymentMethod, string> = {
  ...paymentMethodLabels,
  card_online: "Carte bancaire en ligne",
};

/** "janvier 2027" for a line's month ("2027-01-01"). */
export function monthLabel(month: string): string {
  const [year, monthNumber] = month.split("-");
  return `${MONTHS[Number(monthNumber) - 1] ?? ""} ${year}`;
}

const MONTHS = [
  "janvier",
  "février",
  "mars",
  "avril",
  "mai",
  "juin",
  "juillet",
  "août",
  "septembre",
  "octobre",
  "novembre",
  "décembre",
];

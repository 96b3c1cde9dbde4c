import type { PaymentMethod } from "@/db/schema";
import { PAYMENT_METHOD_LABELS } from "@/lib/billing/allocation";

/** Mes règlements' "Type de règlement": the online card payment says it was made online. */
export const paymentTypeLabels: Record<PaymentMethod, string> = {
  ...PAYMENT_METHOD_LABELS,
  card_online: "Carte bancaire en ligne",
};

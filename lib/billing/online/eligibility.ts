import { PAYFIP_MAX_CENTS, PAYFIP_MIN_CENTS } from "@/lib/payfip/messages";
import { balanceCents, type InvoiceFacts, invoiceStatus } from "../status";

/*
 * Whether a family may pay an invoice online now, and how much: its whole balance, through the régie's PayFiP
 * account, within the amounts PayFiP accepts. The same rule hides the button and refuses a forged request.
 */

export type OnlinePayability =
  | { payable: true; amountCents: number }
  | {
      payable: false;
      reason:
        | "not_configured"
        | "not_due"
        | "treasury"
        | "direct_debit"
        | "cancelled"
        | "below_minimum"
        | "above_maximum";
    };

export function onlinePayability(
  invoice: InvoiceFacts,
  regie: { payfipClientNumber: string | null },
): OnlinePayability {
  if (!regie.payfipClientNumber) return { payable: false, reason: "not_configured" };
  switch (invoiceStatus(invoice)) {
    case "cancelled":
      return { payable: false, reason: "cancelled" };
    case "paid":
      return { payable: false, reason: "not_due" };
    case "treasury":
      return { payable: false, reason: "treasury" };
    case "direct_debit":
      return { payable: false, reason: "direct_debit" };
    case "to_pay":
    case "partially_paid": {
      const amountCents = balanceCents(invoice);
      if (amountCents < PAYFIP_MIN_CENTS) return { payable: false, reason: "below_minimum" };
      if (amountCents > PAYFIP_MAX_CENTS) return { payable: false, reason: "above_maximum" };
      return { payable: true, amountCents };
    }
  }
}

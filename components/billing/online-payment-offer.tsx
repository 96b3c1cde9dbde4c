import { Link } from "@/components/ui/link";
import type { FormAction } from "@/lib/actions/state";
import { routes } from "@/lib/routes/paths";
import styles from "./billing.module.css";
import { PayOnlineForm } from "./pay-online-form";

/** What an invoice offers online: the "Payer en ligne" button, or the attempt still waiting for PayFiP's answer. */
export type OnlineOffer = { kind: "pay" } | { kind: "pending"; attemptId: string };

/**
 * Mes factures' and the invoice page's "Payer en ligne", or "Paiement en cours de confirmation" with a link to the
 * attempt's page; nothing without an offer.
 */
export function OnlinePaymentOffer({
  slug,
  invoice,
  offer,
  action,
}: {
  slug: string;
  invoice: { id: string; reference: string };
  offer: OnlineOffer | undefined;
  action: FormAction;
}) {
  if (!offer) return null;
  if (offer.kind === "pending")
    return (
      <p className={styles.payOnline}>
        <span className="badge">Paiement en cours de confirmation</span>{" "}
        <Link href={routes.billingOnlinePayment(slug, offer.attemptId)}>
          Suivre le paiement<span className="visually-hidden"> de la facture {invoice.reference}</span>
        </Link>
      </p>
    );
  return (
    <PayOnlineForm action={action} invoiceId={invoice.id}>
      Payer en ligne<span className="visually-hidden"> la facture {invoice.reference}</span>
    </PayOnlineForm>
  );
}

import { Fragment } from "react";
import { Link } from "@/components/ui/link";
import { TableWrap } from "@/components/ui/table-wrap";
import type { FormAction } from "@/lib/actions/state";
import { PAYMENT_METHOD_LABELS } from "@/lib/billing/allocation";
import type { FamilyInvoice } from "@/lib/billing/family/invoices";
import { balanceCents } from "@/lib/billing/status";
import { formatDate, formatEuros } from "@/lib/format";
import { routes } from "@/lib/routes/paths";
import styles from "./billing.module.css";
import { InvoiceStatusBadge } from "./invoice-status";
import { type OnlineOffers, OnlinePaymentOffer } from "./online-payment-offer";

const COLUMNS = 7;

/**
 * "Historique des factures": one row per invoice (Date, Numéro, Échéance, Émetteur, Montant, Statut, Télécharger)
 * and under it its règlements (Date, N° Opération, Description, Moyen de paiement, Montant) and the Solde à payer,
 * as guide 004 shows them, then what it offers online ("Payer en ligne", or the payment being confirmed).
 * Its rows are not a DataTable's (each invoice has its règlements' row) but become cards on a phone the same way.
 */
export function InvoiceList({
  slug,
  invoices,
  online,
}: {
  slug: string;
  invoices: readonly FamilyInvoice[];
  online: { offers: OnlineOffers; action: FormAction };
}) {
  return (
    <TableWrap label="Historique des factures">
      <table className="data-table">
        <caption className="visually-hidden">
          Historique des factures, de la plus récente à la plus ancienne, chacune suivie de ses règlements
        </caption>
        <thead>
          <tr>
            <th scope="col">Date</th>
            <th scope="col">Numéro</th>
            <th scope="col">Échéance</th>
            <th scope="col">Émetteur</th>
            <th scope="col" className={styles.amount}>
              Montant
            </th>
            <th scope="col">Statut</th>
            <th scope="col">Télécharger</th>
          </tr>
        </thead>
        <tbody>
          {invoices.map((invoice) => (
            <Fragment key={invoice.id}>
              <tr className={styles.invoice}>
                <td data-label="Date">{formatDate(invoice.issuedOn)}</td>
                <th scope="row" data-label="Numéro">
                  <Link
                    href={routes.billingInvoice(slug, invoice.id)}
                    aria-label={`Facture ${invoice.reference} : détail`}
                  >
                    {invoice.reference}
                  </Link>
                </th>
                <td data-label="Échéance">{formatDate(invoice.dueOn)}</td>
                <td data-label="Émetteur">{invoice.issuer}</td>
                <td className={styles.amount} data-label="Montant">
                  {formatEuros(invoice.amountCents)}
                </td>
                <td data-label="Statut">
                  <InvoiceStatusBadge invoice={invoice} />
                </td>
                <td data-label="Télécharger">
                  <a
                    href={routes.billingInvoicePdf(slug, invoice.id)}
                    download
                    aria-label={`Télécharger la facture ${invoice.reference} (PDF)`}
                  >
                    PDF
                  </a>
                </td>
              </tr>
              <tr className={styles.settlements}>
                <td colSpan={COLUMNS}>
                  <Settlements invoice={invoice} />
                  <OnlinePaymentOffer
                    slug={slug}
                    invoice={invoice}
                    offer={online.offers.get(invoice.id)}
                    action={online.action}
                  />
                </td>
              </tr>
            </Fragment>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}

function Settlements({ invoice }: { invoice: FamilyInvoice }) {
  const balance = formatEuros(balanceCents(invoice));
  if (invoice.settlements.length === 0)
    return (
      <p className={styles.hint}>
        {invoice.cancelledOn ? "Annulée par un avoir." : "Aucun règlement."} Solde à payer : <strong>{balance}</strong>
      </p>
    );
  return (
    <table className="data-table">
      <caption className="visually-hidden">Règlements de la facture {invoice.reference}</caption>
      <thead>
        <tr>
          <th scope="col">Date</th>
          <th scope="col">N° Opération</th>
          <th scope="col">Description</th>
          <th scope="col">Moyen de paiement</th>
          <th scope="col" className={styles.amount}>
            Montant
          </th>
        </tr>
      </thead>
      <tbody>
        {invoice.settlements.map((settlement) => (
          <tr key={settlement.paymentId}>
            <td data-label="Date">{formatDate(settlement.receivedOn)}</td>
            <td data-label="N° Opération">{settlement.operationNumber}</td>
            <td data-label="Description">{settlement.description}</td>
            <td data-label="Moyen de paiement">{PAYMENT_METHOD_LABELS[settlement.method]}</td>
            <td className={styles.amount} data-label="Montant">
              {formatEuros(settlement.amountCents)}
            </td>
          </tr>
        ))}
        <tr className={styles.balance}>
          <th scope="row" colSpan={4}>
            Solde à payer
          </th>
          <td className={styles.amount}>{balance}</td>
        </tr>
      </tbody>
    </table>
  );
}

"use client";

import { Fragment } from "react";
import { Link } from "@/components/ui/link";
import { TableWrap } from "@/components/ui/table-wrap";
import type { FormAction } from "@/lib/actions/state";
import { routes } from "@/lib/routes/paths";
import styles from "./billing.module.css";
import { type InvoiceBadge, InvoiceStatusBadge } from "./invoice-status";
import { type OnlineOffer, OnlinePaymentOffer } from "./online-payment-offer";

const COLUMNS = 7;

/**
 * One invoice of "Historique des factures" with its texts already written (invoiceRow): the page hands the list
 * these values and the list draws the rows, so the page's payload carries no markup per invoice (which the server
 * would write twice, in the HTML and in the payload).
 */
export interface InvoiceRow {
  id: string;
  reference: string;
  /** Dates and amounts as shown: "05/07/2026", "73,20 €". */
  issuedOn: string;
  dueOn: string;
  issuer: string;
  amount: string;
  badge: InvoiceBadge;
  settlements: SettlementRow[];
  /** "Solde à payer". */
  balance: string;
  cancelled: boolean;
  /** What it offers online (none: nothing). */
  offer: OnlineOffer | null;
}

/** One règlement of an invoice, as shown. */
export interface SettlementRow {
  paymentId: string;
  receivedOn: string;
  operationNumber: string;
  description: string;
  method: string;
  amount: string;
}

/**
 * "Historique des factures": one row per invoice (Date, Numéro, Échéance, Émetteur, Montant, Statut, Télécharger)
 * and under it its règlements (Date, N° Opération, Description, Moyen de paiement, Montant) and the Solde à payer,
 * as guide 004 shows them, then what it offers online ("Payer en ligne", or the payment being confirmed).
 * Its rows are not a DataTable's (each invoice has its règlements' row) but become cards on a phone the same way.
 */
export function InvoiceList({
  slug,
  invoices,
  payOnline,
}: {
  slug: string;
  invoices: readonly InvoiceRow[];
  payOnline: FormAction;
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
                <td data-label="Date">{invoice.issuedOn}</td>
                <th scope="row" data-label="Numéro">
                  <Link
                    href={routes.billingInvoice(slug, invoice.id)}
                    aria-label={`Facture ${invoice.reference} : détail`}
                  >
                    {invoice.reference}
                  </Link>
                </th>
                <td data-label="Échéance">{invoice.dueOn}</td>
                <td data-label="Émetteur">{invoice.issuer}</td>
                <td className={styles.amount} data-label="Montant">
                  {invoice.amount}
                </td>
                <td data-label="Statut">
                  <InvoiceStatusBadge {...invoice.badge} />
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
                    offer={invoice.offer ?? undefined}
                    action={payOnline}
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

function Settlements({ invoice }: { invoice: InvoiceRow }) {
  if (invoice.settlements.length === 0)
    return (
      <p className={styles.hint}>
        {invoice.cancelled ? "Annulée par un avoir." : "Aucun règlement."} Solde à payer :{" "}
        <strong>{invoice.balance}</strong>
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
            <td data-label="Date">{settlement.receivedOn}</td>
            <td data-label="N° Opération">{settlement.operationNumber}</td>
            <td data-label="Description">{settlement.description}</td>
            <td data-label="Moyen de paiement">{settlement.method}</td>
            <td className={styles.amount} data-label="Montant">
              {settlement.amount}
            </td>
          </tr>
        ))}
        <tr className={styles.balance}>
          <th scope="row" colSpan={4}>
            Solde à payer
          </th>
          <td className={styles.amount}>{invoice.balance}</td>
        </tr>
      </tbody>
    </table>
  );
}

import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { z } from "zod";
import styles from "@/components/billing/billing.module.css";
import { InvoiceStatusBadge } from "@/components/billing/invoice-status";
import { OnlinePaymentOffer } from "@/components/billing/online-payment-offer";
import { Breadcrumbs } from "@/components/shell/breadcrumbs";
import { DataTable } from "@/components/ui/data-table";
import { Link } from "@/components/ui/link";
import { requireUser } from "@/lib/auth/session";
import { PAYMENT_METHOD_LABELS } from "@/lib/billing/allocation";
import { findViewableInvoice } from "@/lib/billing/family/detail";
import { groupInvoiceLines } from "@/lib/billing/family/invoice-lines";
import { INVOICE_LINE_KIND_LABELS } from "@/lib/billing/line-labels";
import { openAttemptsByInvoice } from "@/lib/billing/online/reads";
import { monthLabel } from "@/lib/billing/periods";
import { balanceCents, invoiceBadge, invoiceStatus } from "@/lib/billing/status";
import { getDb } from "@/lib/db";
import { formatDate, formatEuros } from "@/lib/format";
import { breadcrumbs } from "@/lib/routes/breadcrumbs";
import { routes } from "@/lib/routes/paths";
import { onlineOffers } from "../../_billing/online-offers";
import { payInvoiceOnline } from "../../actions";

type Props = { params: Promise<{ commune: string; id: string }> };

export const metadata: Metadata = { title: "Détail de la facture – Espace facturation" };

/**
 * An invoice's detail: its lines by child and activity, why days were or were not billed, its règlements, and how
 * to pay it ("Payer en ligne" among them).
 */
export default async function InvoicePage({ params }: Props) {
  const { commune: slug, id } = await params;
  const { commune, user } = await requireUser(slug, { returnTo: routes.billingInvoice(slug, id) });
  const invoiceId = z.uuid().safeParse(id);
  if (!invoiceId.success) notFound();
  const db = await getDb();
  const invoice = await findViewableInvoice(db, { communeId: commune.id, viewer: user, invoiceId: invoiceId.data });
  if (!invoice) notFound();
  const balance = balanceCents(invoice);
  const status = invoiceStatus(invoice);
  const groups = groupInvoiceLines(invoice.lines);
  // Staff read the page too; only the family pays.
  const offers =
    user.role === "family"
      ? onlineOffers(
          [invoice],
          await openAttemptsByInvoice(db, { communeId: commune.id, householdId: invoice.householdId }),
        )
      : new Map();
  return (
    <>
      <Breadcrumbs items={breadcrumbs.billingInvoice(slug, invoice)} />
      <h1>Facture n° {invoice.reference}</h1>
      <dl className="facts">
        <dt>Famille</dt>
        <dd>{invoice.householdName}</dd>
        <dt>Date d&apos;émission</dt>
        <dd>{formatDate(invoice.issuedOn)}</dd>
        <dt>Échéance</dt>
        <dd>{formatDate(invoice.dueOn)}</dd>
        {invoice.period ? (
          <>
            <dt>Période</dt>
            <dd>{monthLabel(invoice.period)}</dd>
          </>
        ) : null}
        <dt>Émetteur</dt>
        <dd>{invoice.issuer}</dd>
        <dt>Montant</dt>
        <dd>{formatEuros(invoice.amountCents)}</dd>
        <dt>Déjà réglé</dt>
        <dd>{formatEuros(invoice.paidCents)}</dd>
        <dt>Solde à payer</dt>
        <dd>
          <strong>{formatEuros(balance)}</strong>
        </dd>
        <dt>Statut</dt>
        <dd>
          <InvoiceStatusBadge {...invoiceBadge(invoice)} />
        </dd>
      </dl>
      <p className="button-row">
        <a className="button" href={routes.billingInvoicePdf(slug, invoice.id)} download>
          Télécharger la facture (PDF)
        </a>
        <Link className="button button--secondary" href={routes.billing(slug, { famille: invoice.householdId })}>
          Retour à mes factures
        </Link>
      </p>

      {invoice.creditNote ? (
        <div className="notice" role="note">
          <p>
            Cette facture est annulée par l&apos;avoir n° {invoice.creditNote.reference} du{" "}
            {formatDate(invoice.creditNote.issuedOn)} ({formatEuros(invoice.creditNote.amountCents)}) :{" "}
            {invoice.creditNote.reason}
          </p>
        </div>
      ) : null}
      {status === "to_pay" || status === "partially_paid" ? (
        <section aria-labelledby="comment-payer">
          <h2 id="comment-payer">Comment payer</h2>
          <OnlinePaymentOffer
            slug={slug}
            invoice={invoice}
            offer={offers.get(invoice.id)}
            action={payInvoiceOnline.bind(null, slug)}
          />
          <p>
            Avant le {formatDate(invoice.dueOn)}, en rappelant la référence {invoice.reference}.{" "}
            {invoice.paymentInstructions ?? "Auprès de la régie de votre commune."}
          </p>
        </section>
      ) : null}

      <section aria-labelledby="detail-lignes">
        <h2 id="detail-lignes">Détail de la facture</h2>
        {groups.map((child) => (
          <section key={child.childName} aria-label={child.childName}>
            <h3>
              {child.childName} — {formatEuros(child.totalCents)}
            </h3>
            <DataTable
              caption={`Lignes de ${child.childName}, par activité`}
              hiddenCaption
              rows={child.activities.flatMap((activity) => activity.lines)}
              columns={[
                { header: "Activité", rowHeader: true, cell: (line) => line.activityLabel },
                { header: "Mois", cell: (line) => monthLabel(line.month) },
                {
                  header: "Détail",
                  cell: (line) => (
                    <>
                      {INVOICE_LINE_KIND_LABELS[line.kind]}
                      {line.note ? <span className={styles.hint}>{line.note}</span> : null}
                    </>
                  ),
                },
                {
                  header: "Quantité × prix unitaire",
                  cell: (line) => `${line.quantity} × ${formatEuros(line.unitCents)}`,
                },
                { header: "Montant", className: styles.amount, cell: (line) => formatEuros(line.amountCents) },
              ]}
            />
          </section>
        ))}
      </section>

      <section aria-labelledby="reglements-facture">
        <h2 id="reglements-facture">Règlements</h2>
        {invoice.settlements.length === 0 ? (
          <p>Aucun règlement n&apos;a encore été reçu pour cette facture.</p>
        ) : (
          <DataTable
            caption={`Règlements de la facture ${invoice.reference}`}
            hiddenCaption
            rowKey={(settlement) => settlement.paymentId}
            rows={invoice.settlements}
            columns={[
              { header: "Date", cell: (s) => formatDate(s.receivedOn) },
              { header: "N° Opération", cell: (s) => s.operationNumber },
              { header: "Description", cell: (s) => s.description },
              { header: "Moyen de paiement", cell: (s) => PAYMENT_METHOD_LABELS[s.method] },
              { header: "Montant", className: styles.amount, cell: (s) => formatEuros(s.amountCents) },
            ]}
          />
        )}
        <p>
          Solde à payer : <strong>{formatEuros(balance)}</strong>
        </p>
      </section>
      <p className={styles.hint}>
        Besoin d&apos;aide ? Contactez {commune.serviceSignature} : {commune.contactEmail}
      </p>
    </>
  );
}

import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { z } from "zod";
import styles from "@/components/agent/billing/billing.module.css";
import { CancelPaymentForm } from "@/components/agent/billing/cancel-payment-form";
import { CreditNoteForm } from "@/components/agent/billing/credit-note-form";
import { Breadcrumbs } from "@/components/shell/breadcrumbs";
import { DataTable } from "@/components/ui/data-table";
import { Link } from "@/components/ui/link";
import { requireUser, staffRoles } from "@/lib/auth/session";
import { findAgentInvoice } from "@/lib/billing/agent-invoices";
import { PAYMENT_METHOD_LABELS } from "@/lib/billing/allocation";
import { PAID_INVOICE_MESSAGE } from "@/lib/billing/credit-notes";
import { groupLines, INVOICE_LINE_KIND_LABELS } from "@/lib/billing/line-labels";
import { monthLabel } from "@/lib/billing/periods";
import { balanceCents, invoiceStatus, invoiceStatusLabel } from "@/lib/billing/status";
import { getDb } from "@/lib/db";
import { formatDate, formatDateTime, formatEuros } from "@/lib/format";
import { breadcrumbs } from "@/lib/routes/breadcrumbs";
import { routes } from "@/lib/routes/paths";
import { cancelPaymentAction, issueCreditNoteAction } from "./actions";

type Props = { params: Promise<{ commune: string; id: string }> };

export const metadata: Metadata = { title: "Facture" };

/** One invoice of the commune for the agents; an id of another commune (or not an id) is a 404. */
export default async function AgentInvoicePage({ params }: Props) {
  const { commune: slug, id } = await params;
  const { commune } = await requireUser(slug, { roles: staffRoles, returnTo: routes.agent.invoices(slug) });
  const invoiceId = z.uuid().safeParse(id);
  if (!invoiceId.success) notFound();
  const found = await findAgentInvoice(await getDb(), { communeId: commune.id, invoiceId: invoiceId.data });
  if (!found) notFound();
  const { invoice, lines, payments, creditNote } = found;
  const status = invoiceStatus(invoice);
  const payable = status === "to_pay" || status === "partially_paid" || status === "direct_debit";
  const cancelPayment = cancelPaymentAction.bind(null, slug);

  return (
    <>
      <Breadcrumbs items={breadcrumbs.agentInvoices(slug, `Facture ${invoice.reference}`)} />
      <h1>Facture {invoice.reference}</h1>
      <dl className="facts">
        <dt>Famille</dt>
        <dd>
          <Link href={routes.agent.household(slug, invoice.householdId)}>Famille {invoice.householdName}</Link>
        </dd>
        <dt>Payeur</dt>
        <dd>
          {invoice.payerName ?? "–"}
          {invoice.payerAddress ? (
            <>
              <br />
              {invoice.payerAddress}
            </>
          ) : null}
        </dd>
        <dt>Émetteur</dt>
        <dd>{invoice.issuer}</dd>
        <dt>Code émission</dt>
        <dd className="code">{invoice.emissionCode}</dd>
        <dt>Date</dt>
        <dd>{formatDate(invoice.issuedOn)}</dd>
        <dt>Échéance</dt>
        <dd>{formatDate(invoice.dueOn)}</dd>
        <dt>Montant</dt>
        <dd>{formatEuros(invoice.amountCents)}</dd>
        <dt>Déjà réglé</dt>
        <dd>{formatEuros(invoice.paidCents)}</dd>
        <dt>Solde à payer</dt>
        <dd className={styles.total}>{formatEuros(balanceCents(invoice))}</dd>
        <dt>Statut</dt>
        <dd>
          {invoiceStatusLabel(invoice)}
          {invoice.treasuryOn && status === "treasury" ? ` le ${formatDate(invoice.treasuryOn)}` : null}
        </dd>
      </dl>
      {payable ? (
        <p className="button-row">
          <Link className="button" href={routes.agent.newPayment(slug, invoice.householdId)}>
            Enregistrer un règlement
          </Link>
          <Link href={routes.agent.invoices(slug, { famille: invoice.householdId })}>
            Toutes les factures de la famille {invoice.householdName}
          </Link>
        </p>
      ) : (
        <p>
          <Link href={routes.agent.invoices(slug, { famille: invoice.householdId })}>
            Toutes les factures de la famille {invoice.householdName}
          </Link>
        </p>
      )}

      <h2>Détail</h2>
      {lines.length === 0 ? <p>Cette facture n&apos;a pas de lignes détaillées.</p> : null}
      {groupLines(lines).map((child) => (
        <DataTable
          key={child.childName}
          caption={child.childName}
          rows={child.activities.flatMap((activity) => activity.lines)}
          columns={[
            { header: "Activité", rowHeader: true, cell: (line) => line.activityLabel },
            { header: "Mois", cell: (line) => monthLabel(line.month) },
            {
              header: "Détail",
              cell: (line) => (
                <>
                  {INVOICE_LINE_KIND_LABELS[line.kind]}
                  {line.note ? (
                    <>
                      <br />
                      {line.note}
                    </>
                  ) : null}
                </>
              ),
            },
            {
              header: "Quantité × prix unitaire",
              className: styles.amount,
              cell: (line) => `${line.quantity} × ${formatEuros(line.unitCents)}`,
            },
            { header: "Montant", className: styles.amount, cell: (line) => formatEuros(line.amountCents) },
          ]}
        />
      ))}
      <p className={styles.total}>Total : {formatEuros(invoice.amountCents)}</p>

      <h2>Règlements</h2>
      {payments.length === 0 ? (
        <p>Aucun règlement pour cette facture.</p>
      ) : (
        <DataTable
          caption={`Règlements de la facture ${invoice.reference}`}
          hiddenCaption
          rows={payments}
          columns={[
            { header: "Date", cell: (payment) => formatDate(payment.receivedOn) },
            { header: "N° Opération", rowHeader: true, cell: (payment) => payment.operationNumber },
            {
              header: "Description",
              cell: (payment) => (
                <>
                  {payment.description}
                  {payment.recordedBy ? (
                    <>
                      <br />
                      <span className="field__hint">Enregistré par {payment.recordedBy}</span>
                    </>
                  ) : null}
                </>
              ),
            },
            { header: "Moyen de paiement", cell: (payment) => PAYMENT_METHOD_LABELS[payment.method] },
            {
              header: "Montant",
              className: styles.amount,
              cell: (payment) => (
                <span className={payment.cancelledAt ? styles.cancelled : undefined}>
                  {formatEuros(payment.allocatedCents)}
                  {payment.allocatedCents !== payment.amountCents ? ` (sur ${formatEuros(payment.amountCents)})` : null}
                </span>
              ),
            },
            {
              header: "État",
              cell: (payment) =>
                payment.cancelledAt ? (
                  <>
                    Annulé le {formatDateTime(payment.cancelledAt)} : {payment.cancelReason}
                  </>
                ) : (
                  <CancelPaymentForm
                    action={cancelPayment}
                    paymentId={payment.id}
                    operationNumber={payment.operationNumber}
                    otherInvoices={payment.otherInvoices.map(
                      (other) => `${other.reference} (${formatEuros(other.amountCents)})`,
                    )}
                  />
                ),
            },
          ]}
        />
      )}

      {creditNote ? (
        <>
          <h2>Avoir</h2>
          <p>
            Facture annulée le {formatDate(creditNote.issuedOn)} par l&apos;avoir {creditNote.reference} de{" "}
            {formatEuros(creditNote.amountCents)}. Motif : {creditNote.reason}
          </p>
        </>
      ) : invoice.paidCents > 0 ? (
        <>
          <h2>Annuler par un avoir</h2>
          <p>
            {PAID_INVOICE_MESSAGE} Une facture ne peut être annulée par un avoir que si aucun règlement ne la solde.
          </p>
        </>
      ) : (
        <CreditNoteForm
          action={issueCreditNoteAction.bind(null, slug)}
          invoiceId={invoice.id}
          amount={formatEuros(invoice.amountCents)}
        />
      )}
    </>
  );
}

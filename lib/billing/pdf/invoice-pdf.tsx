import "server-only";
import { Document, Page, renderToBuffer, View } from "@react-pdf/renderer";
import type { Commune } from "@/db/schema";
import type { InvoiceDetail } from "@/lib/billing/family/detail";
import { groupInvoiceLines } from "@/lib/billing/family/invoice-lines";
import { INVOICE_LINE_KIND_LABELS } from "@/lib/billing/line-labels";
import { monthLabel } from "@/lib/billing/periods";
import { balanceCents, invoiceStatusLabel } from "@/lib/billing/status";
import { formatDate, formatEuros } from "@/lib/format";
import { Addressee, styles, T, TownHeader } from "./pdf-kit";

/*
 * The invoice as the family receives it on paper: the town's header, the payer, its number and dates, the lines by
 * child and activity, what was paid and what is left, how to pay, and the footer with the three references that
 * "M'abonner › Avec une de vos factures" asks for (code émission, référence, code personnel) beside its amount.
 */

type PdfCommune = Pick<Commune, "name" | "serviceSignature" | "contactEmail" | "contactPhone" | "contactAddress">;

const col = {
  month: { width: "18%" },
  detail: { width: "42%" },
  quantity: { width: "10%", textAlign: "right" as const },
  unit: { width: "14%", textAlign: "right" as const },
  amount: { width: "16%", textAlign: "right" as const },
};

/** "facture-F2027-000001.pdf": the reference is safe in a header as it is; anything else is dropped. */
export function invoicePdfFilename(reference: string): string {
  return `facture-${reference.replace(/[^A-Za-z0-9-]/g, "")}.pdf`;
}

export function InvoiceDocument({ commune, invoice }: { commune: PdfCommune; invoice: InvoiceDetail }) {
  const groups = groupInvoiceLines(invoice.lines);
  const balance = balanceCents(invoice);
  return (
    <Document title={`Facture ${invoice.reference}`} author={commune.name} language="fr">
      <Page size="A4" style={styles.page}>
        <TownHeader
          commune={commune}
          issuer={invoice.issuer}
          right={
            <Addressee
              name={invoice.payerName}
              address={invoice.payerAddress}
              extra={`Famille ${invoice.householdName}`}
            />
          }
        />
        <T style={styles.title}>{`Facture n° ${invoice.reference}`}</T>
        <View style={styles.facts}>
          <T style={styles.fact}>{`Date d'émission : ${formatDate(invoice.issuedOn)}`}</T>
          <T style={styles.fact}>{`Date d'échéance : ${formatDate(invoice.dueOn)}`}</T>
          {invoice.period ? <T style={styles.fact}>{`Période : ${monthLabel(invoice.period)}`}</T> : null}
          <T style={styles.fact}>{`Émetteur : ${invoice.issuer}`}</T>
          <T style={styles.fact}>{`Statut : ${invoiceStatusLabel(invoice)}`}</T>
        </View>

        <View style={styles.headRow}>
          <T style={[styles.bold, col.month]}>Mois</T>
          <T style={[styles.bold, col.detail]}>Détail</T>
          <T style={[styles.bold, col.quantity]}>Quantité</T>
          <T style={[styles.bold, col.unit]}>Prix unitaire</T>
          <T style={[styles.bold, col.amount]}>Montant</T>
        </View>
        {groups.map((child) => (
          <View key={child.childName}>
            <T style={styles.child}>{`${child.childName} — ${formatEuros(child.totalCents)}`}</T>
            {child.activities.map((activity) => (
              <View key={activity.activityLabel} wrap={false}>
                <T style={styles.activity}>{activity.activityLabel}</T>
                {activity.lines.map((line) => (
                  <View key={line.id} style={styles.row}>
                    <T style={col.month}>{monthLabel(line.month)}</T>
                    <View style={col.detail}>
                      <T>{INVOICE_LINE_KIND_LABELS[line.kind]}</T>
                      {line.note ? <T style={styles.muted}>{line.note}</T> : null}
                    </View>
                    <T style={col.quantity}>{String(line.quantity)}</T>
                    <T style={col.unit}>{formatEuros(line.unitCents)}</T>
                    <T style={col.amount}>{formatEuros(line.amountCents)}</T>
                  </View>
                ))}
              </View>
            ))}
          </View>
        ))}

        <View style={styles.totals} wrap={false}>
          <View style={styles.totalRow}>
            <T style={styles.bold}>Total de la facture</T>
            <T style={styles.bold}>{formatEuros(invoice.amountCents)}</T>
          </View>
          <View style={styles.totalRow}>
            <T>Déjà réglé</T>
            <T>{formatEuros(invoice.paidCents)}</T>
          </View>
          <View style={styles.totalRow}>
            <T style={styles.bold}>Solde à payer</T>
            <T style={styles.bold}>{formatEuros(balance)}</T>
          </View>
        </View>

        <View style={styles.box} wrap={false}>
          <HowToPay invoice={invoice} balance={balance} />
        </View>

        <View style={styles.footer} fixed>
          <T>
            {`Code émission : ${invoice.emissionCode}   ·   Référence : ${invoice.reference}   ·   Code personnel : ${invoice.personalCode ?? "—"}   ·   Montant : ${formatEuros(invoice.amountCents)}`}
          </T>
          <T>
            Pour suivre vos factures en ligne : Portail Famille, Mon espace citoyen › Mes abonnements › M&apos;abonner ›
            Avec une de vos factures.
          </T>
        </View>
      </Page>
    </Document>
  );
}

function HowToPay({ invoice, balance }: { invoice: InvoiceDetail; balance: number }) {
  if (invoice.creditNote)
    return (
      <T>{`Cette facture est annulée par l'avoir n° ${invoice.creditNote.reference} du ${formatDate(invoice.creditNote.issuedOn)} : vous n'avez rien à payer.`}</T>
    );
  if (balance <= 0) return <T>Cette facture est réglée. Merci.</T>;
  if (invoice.treasuryOn)
    return (
      <>
        <T style={styles.bold}>{`Facture transmise en trésorerie le ${formatDate(invoice.treasuryOn)}`}</T>
        <T>
          {`Elle ne peut plus être réglée auprès de la régie ni en ligne. Réglez le solde auprès de : ${invoice.treasuryContact ?? "la trésorerie dont relève votre commune"}.`}
        </T>
      </>
    );
  if (invoice.directDebitOn)
    return <T>{`Le solde sera prélevé sur votre compte le ${formatDate(invoice.directDebitOn)}.`}</T>;
  return (
    <>
      <T style={styles.bold}>{`Comment payer (avant le ${formatDate(invoice.dueOn)})`}</T>
      <T>{invoice.paymentInstructions ?? "Auprès de la régie de votre commune."}</T>
      <T>{`Rappelez la référence ${invoice.reference} avec votre règlement.`}</T>
    </>
  );
}

export async function renderInvoicePdf(commune: PdfCommune, invoice: InvoiceDetail): Promise<Buffer> {
  return renderToBuffer(<InvoiceDocument commune={commune} invoice={invoice} />);
}

import { Section, Text } from "@react-email/components";
import { formatDateTime, formatEuros } from "@/lib/format";
import { MailAction, type MailCommune, MailGreeting, MailLayout, previewCommune } from "./mail-layout";

export type OnlinePaymentReceiptProps = {
  commune: MailCommune;
  /** "Mme Claire MARTIN" */
  greetingName: string;
  /** The invoice paid, "F2027-000123". */
  reference: string;
  /** What PayFiP says was paid. */
  amountCents: number;
  /** When it was paid (PayFiP's transaction date and time). */
  paidAt: Date;
  /** PayFiP's authorisation number ("Transaction n° …"). */
  transactionNumber: string;
  /** The invoice's balance once the payment is recorded; null when the régie has to assign the payment by hand. */
  balanceCents: number | null;
  invoiceUrl: string;
};

/** "Paiement en ligne reçu — facture n° F2027-000123": the subject and the first line. */
export const onlinePaymentReceiptSubject = (reference: string) => `Paiement en ligne reçu — facture n° ${reference}`;

/** Sent to the address the payer paid from, in the transaction that records the card payment. */
export default function OnlinePaymentReceipt({
  commune,
  greetingName,
  reference,
  amountCents,
  paidAt,
  transactionNumber,
  balanceCents,
  invoiceUrl,
}: OnlinePaymentReceiptProps) {
  const subject = onlinePaymentReceiptSubject(reference);
  return (
    <MailLayout commune={commune} preview={subject}>
      <MailGreeting name={greetingName} />
      <Text>Nous avons bien reçu votre paiement en ligne de la facture n° {reference}.</Text>
      <Section style={{ borderLeft: "4px solid #1d4f91", backgroundColor: "#f4f6fa", padding: "4px 12px" }}>
        <Text style={{ margin: "8px 0" }}>
          Montant payé : <strong>{formatEuros(amountCents)}</strong>
          <br />
          Date : {formatDateTime(paidAt)}
          <br />
          Transaction n° {transactionNumber} (carte bancaire, PayFiP)
        </Text>
      </Section>
      {balanceCents === null ? (
        <Text>La régie affecte ce paiement à votre facture : vous n&apos;avez rien à faire.</Text>
      ) : balanceCents === 0 ? (
        <Text>Votre facture est entièrement payée.</Text>
      ) : (
        <Text>
          Reste à payer sur cette facture : <strong>{formatEuros(balanceCents)}</strong>
        </Text>
      )}
      <Text>Ce paiement apparaît dans Mes règlements de votre Espace Facturation.</Text>
      <MailAction commune={commune} href={invoiceUrl} label="Voir ma facture" />
    </MailLayout>
  );
}

OnlinePaymentReceipt.PreviewProps = {
  commune: previewCommune,
  greetingName: "Mme Claire MARTIN",
  reference: "F2027-000123",
  amountCents: 8640,
  paidAt: new Date("2027-01-11T09:42:00Z"),
  transactionNumber: "482913",
  balanceCents: 0,
  invoiceUrl: "http://localhost:3000/demo/espace-facturation/factures/00000000-0000-4000-8000-000000000000",
} satisfies OnlinePaymentReceiptProps;

import { Section, Text } from "@react-email/components";
import { MailAction, type MailCommune, MailLayout, previewCommune } from "./mail-layout";

export type InvoiceAvailableMailProps = {
  commune: MailCommune;
  /** "Mme Claire MARTIN": the payer the invoice is addressed to. */
  greetingName: string;
  /** The invoice's number, "F2027-000123". */
  reference: string;
  /** The month invoiced, "janvier 2027". */
  periodLabel: string;
  /** The régie that issues it ("Régie enfance jeunesse"). */
  issuer: string;
  /** "86,40 €". */
  amount: string;
  /** "31/01/2027". */
  dueDate: string;
  /** "31/01/2027" when the household pays by direct debit: nothing to do but check the account. */
  directDebitDate: string | null;
  /** The invoice's page in Espace Facturation. */
  invoiceUrl: string;
};

/** "Votre facture n° F2027-000123 est disponible": the mail's subject. */
export const invoiceAvailableSubject = (reference: string) => `Votre facture n° ${reference} est disponible`;

/** The same for every invoice of a run (no number in it), so a run renders its mail once. */
export const invoiceAvailablePreview = (periodLabel: string) =>
  `Votre facture de ${periodLabel} est disponible sur le Portail Famille`;

/** Sent to the payer when a monthly run issues an invoice. */
export default function InvoiceAvailableMail({
  commune,
  greetingName,
  reference,
  periodLabel,
  issuer,
  amount,
  dueDate,
  directDebitDate,
  invoiceUrl,
}: InvoiceAvailableMailProps) {
  return (
    <MailLayout commune={commune} preview={invoiceAvailablePreview(periodLabel)}>
      <Text>Bonjour {greetingName},</Text>
      <Text>
        Votre facture n° {reference} de {periodLabel} est disponible dans votre Espace Facturation.
      </Text>
      <Section style={{ borderLeft: "4px solid #1d4f91", backgroundColor: "#f4f6fa", padding: "4px 12px" }}>
        <Text style={{ margin: "8px 0" }}>
          Émetteur : {issuer}
          <br />
          Montant : {amount}
          <br />
          Date d&apos;échéance : {dueDate}
        </Text>
      </Section>
      {directDebitDate ? (
        <Text>Ce montant sera prélevé sur votre compte le {directDebitDate} : vous n&apos;avez rien à faire.</Text>
      ) : (
        <Text>Merci de la régler avant le {dueDate}, en ligne ou auprès de la régie.</Text>
      )}
      <Text>Vous y trouverez le détail de la facture et pourrez la télécharger.</Text>
      <MailAction commune={commune} href={invoiceUrl} label="Voir ma facture" />
    </MailLayout>
  );
}

InvoiceAvailableMail.PreviewProps = {
  commune: previewCommune,
  greetingName: "Mme Claire MARTIN",
  reference: "F2027-000123",
  periodLabel: "janvier 2027",
  issuer: "Régie enfance jeunesse",
  amount: "86,40 €",
  dueDate: "02/03/2027",
  directDebitDate: null,
  invoiceUrl: "http://localhost:3000/demo/espace-facturation/factures/00000000-0000-4000-8000-000000000000",
} satisfies InvoiceAvailableMailProps;

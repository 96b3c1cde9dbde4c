import { Text } from "@react-email/components";
import { formatDate, formatEuros } from "@/lib/format";
import type { IsoDay } from "@/lib/planning/days";
import { MailAction, type MailCommune, MailGreeting, MailLayout, previewCommune } from "./mail-layout";

export type InvoiceReminderMailProps = {
  commune: MailCommune;
  /** "Mme Claire MARTIN" */
  greetingName: string;
  /** "Famille MARTIN": the household the invoice is addressed to (an account may follow several). */
  householdName: string;
  reference: string;
  dueOn: IsoDay;
  amountCents: number;
  /** What is still due. */
  balanceCents: number;
  /** The régie's "comment payer", when it has one. */
  paymentInstructions: string | null;
  invoiceUrl: string;
};

/** "Rappel : votre facture n° F2027-000001 arrive à échéance le 25/01/2027" — the subject and first line. */
export function invoiceReminderSubject(reference: string, dueOn: IsoDay): string {
  return `Rappel : votre facture n° ${reference} arrive à échéance le ${formatDate(dueOn)}`;
}

/** A few days before the due date of an invoice still (partly) unpaid; never for a direct debit. */
export default function InvoiceReminderMail({
  commune,
  greetingName,
  householdName,
  reference,
  dueOn,
  amountCents,
  balanceCents,
  paymentInstructions,
  invoiceUrl,
}: InvoiceReminderMailProps) {
  const subject = invoiceReminderSubject(reference, dueOn);
  return (
    <MailLayout commune={commune} preview={subject}>
      <MailGreeting name={greetingName} />
      <Text>
        {subject} (famille {householdName}).
      </Text>
      <Text>
        Montant de la facture : {formatEuros(amountCents)}
        <br />
        Reste à payer : <strong>{formatEuros(balanceCents)}</strong>
      </Text>
      {paymentInstructions ? <Text>Comment payer : {paymentInstructions}</Text> : null}
      <Text>Si vous avez déjà réglé cette facture, merci de ne pas tenir compte de ce message.</Text>
      <MailAction commune={commune} href={invoiceUrl} label="Voir ma facture" />
    </MailLayout>
  );
}

InvoiceReminderMail.PreviewProps = {
  commune: previewCommune,
  greetingName: "Mme Claire MARTIN",
  householdName: "MARTIN",
  reference: "F2027-000001",
  dueOn: "2027-01-25",
  amountCents: 8640,
  balanceCents: 4640,
  paymentInstructions: "Par chèque à l'ordre du Trésor public, en espèces ou par CESU à l'accueil de la mairie.",
  invoiceUrl: "http://localhost:3000/demo/espace-facturation/factures/00000000-0000-4000-8000-000000000000",
} satisfies InvoiceReminderMailProps;

import { Text } from "@react-email/components";
import { formatDate } from "@/lib/format";
import type { IsoDay } from "@/lib/planning/days";
import { MailAction, type MailCommune, MailGreeting, MailLayout, previewCommune } from "./mail-layout";

export type DocumentExpiringMailProps = {
  commune: MailCommune;
  /** "Mme Claire MARTIN" */
  greetingName: string;
  /** "Famille MARTIN": the household (an account may follow several). */
  householdName: string;
  typeLabel: string;
  /** "Léa MARTIN" for a child's document; null for the household's. */
  childName: string | null;
  expiresOn: IsoDay;
  /** The family's Pièces justificatives (routes.family.documents on APP_URL). */
  documentsUrl: string;
};

/** "Votre pièce justificative « Attestation CAF » expire le 31/01/2027" — the subject and first line. */
export function documentExpiringSubject(typeLabel: string, expiresOn: IsoDay): string {
  return `Votre pièce justificative « ${typeLabel} » expire le ${formatDate(expiresOn)}`;
}

/** Sent once per validated document, within a month of its expiry date. */
export default function DocumentExpiringMail({
  commune,
  greetingName,
  householdName,
  typeLabel,
  childName,
  expiresOn,
  documentsUrl,
}: DocumentExpiringMailProps) {
  const subject = documentExpiringSubject(typeLabel, expiresOn);
  return (
    <MailLayout commune={commune} preview={subject}>
      <MailGreeting name={greetingName} />
      <Text>
        {subject} (famille {householdName}
        {childName ? `, ${childName}` : ""}).
      </Text>
      <Text>Pensez à déposer un document à jour avant cette date depuis votre espace famille.</Text>
      <MailAction commune={commune} href={documentsUrl} label="Mettre à jour mes pièces justificatives" />
    </MailLayout>
  );
}

DocumentExpiringMail.PreviewProps = {
  commune: previewCommune,
  greetingName: "Mme Claire MARTIN",
  householdName: "MARTIN",
  typeLabel: "Attestation CAF / avis d'imposition",
  childName: null,
  expiresOn: "2027-01-31",
  documentsUrl: "http://localhost:3000/demo/espace-famille/pieces-justificatives",
} satisfies DocumentExpiringMailProps;

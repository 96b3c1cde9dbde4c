import { Section, Text } from "@react-email/components";
import { MailAction, type MailCommune, MailGreeting, MailLayout, previewCommune } from "./mail-layout";

export type DocumentRefusedMailProps = {
  commune: MailCommune;
  /** "Mme Claire MARTIN" */
  greetingName: string;
  /** "Justificatif de domicile". */
  typeLabel: string;
  /** "Léa MARTIN" for a child's document; null for the household's. */
  childName: string | null;
  /** The town's reason, as the agent wrote it. */
  reason: string;
  /** The family's Pièces justificatives (routes.family.documents on APP_URL). */
  documentsUrl: string;
};

/** "Votre pièce justificative « RIB » a été refusée" — the subject and first line. */
export function documentRefusedSubject(typeLabel: string): string {
  return `Votre pièce justificative « ${typeLabel} » a été refusée`;
}

/** Sent to every account of the household when an agent refuses one of its documents. */
export default function DocumentRefusedMail({
  commune,
  greetingName,
  typeLabel,
  childName,
  reason,
  documentsUrl,
}: DocumentRefusedMailProps) {
  const subject = documentRefusedSubject(typeLabel);
  return (
    <MailLayout commune={commune} preview={subject}>
      <MailGreeting name={greetingName} />
      <Text>
        {subject}
        {childName ? ` (${childName})` : ""}.
      </Text>
      <Section style={{ borderLeft: "4px solid #1d4f91", backgroundColor: "#f4f6fa", padding: "4px 12px" }}>
        <Text style={{ fontWeight: 700, margin: "8px 0 0" }}>Motif du refus :</Text>
        <Text style={{ whiteSpace: "pre-line" }}>{reason}</Text>
      </Section>
      <Text>Vous pouvez déposer un nouveau document depuis votre espace famille, rubrique Pièces justificatives.</Text>
      <MailAction commune={commune} href={documentsUrl} label="Voir mes pièces justificatives" />
    </MailLayout>
  );
}

DocumentRefusedMail.PreviewProps = {
  commune: previewCommune,
  greetingName: "Mme Claire MARTIN",
  typeLabel: "Justificatif de domicile",
  childName: null,
  reason: "Le document date de plus de trois mois. Merci d'envoyer une facture récente.",
  documentsUrl: "http://localhost:3000/demo/espace-famille/pieces-justificatives",
} satisfies DocumentRefusedMailProps;

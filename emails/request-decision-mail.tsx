import { Section, Text } from "@react-email/components";
import { MailAction, type MailCommune, MailGreeting, MailLayout, previewCommune } from "./mail-layout";

export type RequestDecision = "accepted" | "refused";

export type RequestDecisionMailProps = {
  commune: MailCommune;
  /** "Mme Claire MARTIN" */
  greetingName: string;
  reference: string;
  /** The request type as "Mes demandes" shows it, e.g. "Modification du responsable". */
  typeLabel: string;
  /** Who or what it concerns ("Claire MARTIN"). */
  subject: string | null;
  decision: RequestDecision;
  /** The agent's message to the family (always there for a refusal). */
  message: string | null;
  requestUrl: string;
};

const decisionWords: Record<RequestDecision, string> = { accepted: "acceptée", refused: "refusée" };

/** "Votre demande D2026-000123 « Modification du responsable » a été acceptée" — subject and first line alike. */
export function requestDecisionSentence(reference: string, typeLabel: string, decision: RequestDecision): string {
  return `Votre demande ${reference} « ${typeLabel} » a été ${decisionWords[decision]}`;
}

/** The accusé de traitement of a change to the family file, sent as soon as an agent decides it. */
export default function RequestDecisionMail({
  commune,
  greetingName,
  reference,
  typeLabel,
  subject,
  decision,
  message,
  requestUrl,
}: RequestDecisionMailProps) {
  const sentence = requestDecisionSentence(reference, typeLabel, decision);
  return (
    <MailLayout commune={commune} preview={sentence}>
      <MailGreeting name={greetingName} />
      <Text>
        {sentence}
        {subject ? ` (${subject})` : ""}.
      </Text>
      {decision === "accepted" ? <Text>Les informations de votre dossier famille ont été mises à jour.</Text> : null}
      {message ? (
        <Section style={{ borderLeft: "4px solid #1d4f91", backgroundColor: "#f4f6fa", padding: "4px 12px" }}>
          <Text style={{ fontWeight: 700, margin: "8px 0 0" }}>Message de la collectivité :</Text>
          <Text style={{ whiteSpace: "pre-line" }}>{message}</Text>
        </Section>
      ) : null}
      <Text>Vous pouvez retrouver votre demande et son historique dans Mon espace citoyen, rubrique Mes demandes.</Text>
      <MailAction commune={commune} href={requestUrl} label="Voir ma demande" />
    </MailLayout>
  );
}

RequestDecisionMail.PreviewProps = {
  commune: previewCommune,
  greetingName: "Mme Claire MARTIN",
  reference: "D2026-000123",
  typeLabel: "Modification du responsable",
  subject: "Claire MARTIN",
  decision: "refused",
  message: "Merci de nous transmettre un justificatif de domicile de moins de trois mois.",
  requestUrl: "http://localhost:3000/demo/mon-espace-citoyen/mes-demandes/00000000-0000-4000-8000-000000000000",
} satisfies RequestDecisionMailProps;

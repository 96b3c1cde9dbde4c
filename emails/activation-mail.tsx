import { Text } from "@react-email/components";
import { MailAction, type MailCommune, MailLayout, previewCommune } from "./mail-layout";

export type ActivationMailProps = { commune: MailCommune; greetingName: string; activationUrl: string };

export const activationMailSubject = (communeName: string) =>
  `Confirmez votre adresse e-mail – Portail Famille ${communeName}`;

/** Sent after "S'inscrire": in the reference portal's wording. */
export default function ActivationMail({ commune, greetingName, activationUrl }: ActivationMailProps) {
  return (
    <MailLayout commune={commune} preview="Confirmez votre adresse e-mail pour activer votre compte">
      <Text>Bonjour {greetingName},</Text>
      <Text>
        Pour finaliser la création de votre compte sur le portail, veuillez confirmer votre adresse e-mail en cliquant
        sur le bouton suivant :
      </Text>
      <MailAction commune={commune} href={activationUrl} label="Confirmer votre adresse e-mail" />
      <Text>
        Attention, cet e-mail n&apos;est valable que 24 heures. Passé ce délai, si vous n&apos;avez pas activé votre
        compte, vous pourrez demander un nouveau lien d&apos;activation depuis le portail.
      </Text>
      <Text>Si vous n&apos;êtes pas à l&apos;origine de cette demande, ignorez simplement ce message.</Text>
    </MailLayout>
  );
}

ActivationMail.PreviewProps = {
  commune: previewCommune,
  greetingName: "Mme Claire MARTIN",
  activationUrl: "http://localhost:3000/demo/activation?jeton=exemple",
} satisfies ActivationMailProps;

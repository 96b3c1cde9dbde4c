import { Text } from "@react-email/components";
import { MailAction, type MailCommune, MailLayout, previewCommune } from "./mail-layout";

export type PasswordResetMailProps = { commune: MailCommune; greetingName: string; resetUrl: string };

export const passwordResetMailSubject = (communeName: string) =>
  `Choisissez un nouveau mot de passe – Portail Famille ${communeName}`;

/** Sent from "Mot de passe oublié ?" (and to agents invited by an admin, who choose their first password). */
export default function PasswordResetMail({ commune, greetingName, resetUrl }: PasswordResetMailProps) {
  return (
    <MailLayout commune={commune} preview="Choisissez un nouveau mot de passe pour votre compte">
      <Text>Bonjour {greetingName},</Text>
      <Text>
        Pour choisir un nouveau mot de passe pour votre compte sur le portail, cliquez sur le bouton suivant :
      </Text>
      <MailAction commune={commune} href={resetUrl} label="Choisir un nouveau mot de passe" />
      <Text>
        Attention, ce lien n&apos;est valable qu&apos;une heure et ne peut servir qu&apos;une fois. Passé ce délai,
        faites une nouvelle demande depuis la page « Mot de passe oublié ? ».
      </Text>
      <Text>
        Si vous n&apos;êtes pas à l&apos;origine de cette demande, ignorez ce message : votre mot de passe actuel reste
        valable.
      </Text>
    </MailLayout>
  );
}

PasswordResetMail.PreviewProps = {
  commune: previewCommune,
  greetingName: "Mme Claire MARTIN",
  resetUrl: "http://localhost:3000/demo/reinitialiser-mot-de-passe?jeton=exemple",
} satisfies PasswordResetMailProps;

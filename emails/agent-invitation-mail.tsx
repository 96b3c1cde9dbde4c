import { Text } from "@react-email/components";
import { MailAction, type MailCommune, MailLayout, previewCommune } from "./mail-layout";

export type AgentInvitationMailProps = {
  commune: MailCommune;
  firstName: string;
  roleLabel: string;
  /** The password page with the single-use token. */
  link: string;
};

export function agentInvitationSubject(communeName: string): string {
  return `Votre compte sur le Portail Famille de ${communeName}`;
}

/** Sent when an admin creates a staff account or resends its invitation: the link sets the first password. */
export default function AgentInvitationMail({ commune, firstName, roleLabel, link }: AgentInvitationMailProps) {
  return (
    <MailLayout commune={commune} preview={agentInvitationSubject(commune.name)}>
      <Text>Bonjour {firstName},</Text>
      <Text>
        Un compte « {roleLabel} » vient d&apos;être créé pour vous sur le Portail Famille de {commune.name}. Pour
        l&apos;activer, choisissez votre mot de passe :
      </Text>
      <MailAction commune={commune} href={link} label="Choisir mon mot de passe" />
      <Text>
        Ce lien est valable 1 heure et ne peut servir qu&apos;une fois. S&apos;il a expiré, demandez à un administrateur
        de la commune de vous renvoyer l&apos;invitation.
      </Text>
    </MailLayout>
  );
}

AgentInvitationMail.PreviewProps = {
  commune: previewCommune,
  firstName: "Paul",
  roleLabel: "Agent",
  link: "http://localhost:3000/demo/reinitialiser-mot-de-passe?jeton=exemple",
} satisfies AgentInvitationMailProps;

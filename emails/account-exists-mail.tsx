import { Link, Text } from "@react-email/components";
import { type MailCommune, MailGreeting, MailLayout, previewCommune } from "./mail-layout";

export type AccountExistsMailProps = {
  commune: MailCommune;
  /** "Mme Claire MARTIN" */
  greetingName: string;
  loginUrl: string;
  forgotPasswordUrl: string;
};

export const accountExistsMailSubject = (communeName: string) =>
  `Votre compte existe déjà – Portail Famille ${communeName}`;

/**
 * Sent instead of an activation mail when someone signs up with an address that already has an account:
 * the sign-up page answers the same either way, so only the address's owner learns the account exists.
 */
export default function AccountExistsMail({
  commune,
  greetingName,
  loginUrl,
  forgotPasswordUrl,
}: AccountExistsMailProps) {
  return (
    <MailLayout commune={commune} preview="Un compte existe déjà avec cette adresse e-mail">
      <MailGreeting name={greetingName} />
      <Text>
        Une demande de création de compte a été faite sur le portail avec cette adresse e-mail. Un compte existe déjà
        pour cette adresse : il n&apos;est pas nécessaire d&apos;en créer un nouveau.
      </Text>
      <Text>
        Pour accéder au portail, <Link href={loginUrl}>connectez-vous</Link> avec votre adresse e-mail et votre mot de
        passe.
      </Text>
      <Text>
        Si vous avez oublié votre mot de passe, ou si vous n&apos;aviez pas activé votre compte, choisissez un nouveau
        mot de passe : <Link href={forgotPasswordUrl}>{forgotPasswordUrl}</Link>
      </Text>
      <Text>Si vous n&apos;êtes pas à l&apos;origine de cette demande, ignorez simplement ce message.</Text>
    </MailLayout>
  );
}

AccountExistsMail.PreviewProps = {
  commune: previewCommune,
  greetingName: "Mme Claire MARTIN",
  loginUrl: "http://localhost:3000/demo/connexion",
  forgotPasswordUrl: "http://localhost:3000/demo/mot-de-passe-oublie",
} satisfies AccountExistsMailProps;

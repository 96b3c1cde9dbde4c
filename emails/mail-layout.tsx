import { Body, Button, Container, Head, Hr, Html, Link, Preview, Section, Text } from "@react-email/components";
import type { ReactNode } from "react";

export type MailCommune = { name: string; serviceSignature: string };

/** Frame of every mail: the town's name, the service signature and the "mail automatique" footer of the guides. */
export function MailLayout({
  commune,
  preview,
  children,
}: {
  commune: MailCommune;
  preview: string;
  children: ReactNode;
}) {
  return (
    <Html lang="fr">
      <Head />
      <Preview>{preview}</Preview>
      <Body style={{ backgroundColor: "#f4f6fa", fontFamily: "Arial, Helvetica, sans-serif", color: "#1e1e1e" }}>
        <Container style={{ backgroundColor: "#ffffff", padding: "24px", maxWidth: "600px" }}>
          <Text style={{ fontSize: "18px", fontWeight: 700, color: "#1d4f91", margin: "0 0 16px" }}>
            {commune.name} – Portail Famille
          </Text>
          {children}
          <Text style={{ margin: "24px 0 0" }}>
            Cordialement
            <br />
            {commune.serviceSignature}
            <br />
            {commune.name}
          </Text>
          <Hr />
          <Text style={{ fontSize: "12px", color: "#4f4f4f" }}>
            Ceci est un mail automatique, merci de ne pas y répondre.
          </Text>
        </Container>
      </Body>
    </Html>
  );
}

/** A call-to-action button followed by the plain link, for mail clients that do not show the button. */
export function MailAction({ href, label }: { href: string; label: string }) {
  return (
    <Section style={{ margin: "16px 0" }}>
      <Button
        href={href}
        style={{
          backgroundColor: "#1d4f91",
          color: "#ffffff",
          padding: "12px 20px",
          borderRadius: "6px",
          fontWeight: 700,
        }}
      >
        {label}
      </Button>
      <Text>
        Si ce bouton ne s&apos;affiche pas correctement, veuillez cliquer sur le lien suivant :<br />
        <Link href={href}>{href}</Link>
      </Text>
    </Section>
  );
}

export const previewCommune: MailCommune = {
  name: "Ville de Démo",
  serviceSignature: "Le service enfance jeunesse et scolaire",
};

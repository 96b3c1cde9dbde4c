import { Body, Button, Container, Head, Hr, Html, Img, Link, Preview, Section, Text } from "@react-email/components";
import type { ReactNode } from "react";
import { DEFAULT_BRAND_COLOR } from "@/lib/communes/brand-color";

/** How the service is reached, as the guides' mails end. */
export type MailContact = { phone: string | null; hours: string | null; address: string | null; email: string };

export type MailCommune = {
  name: string;
  serviceSignature: string;
  /** The service's contact block; left out, the mail ends with the signature alone. */
  contact?: MailContact;
  /** The logo's absolute URL (a mail client fetches it), or none. */
  logoUrl?: string | null;
  /** The commune's main colour, WCAG AA against white (lib/communes/brand-color.ts); none: the portal's. */
  brandColor?: string | null;
};

/*
 * Mail clients ignore most CSS: the layout is fluid by itself (no fixed width, 600 px at most) and long words and
 * links wrap. The one media query (honoured by most phone clients, and by the e2e's Chromium) turns data tables into
 * one card per row; where it is ignored, the table still fits (fluid, wrapping cells).
 */
const PHONE_CSS = `
a { overflow-wrap: anywhere; word-break: break-word; }
@media (max-width: 480px) {
  .mail-table thead { display: none; }
  .mail-table caption { display: block; }
  .mail-table, .mail-table tbody, .mail-table tr, .mail-table td { display: block; width: auto !important; }
  .mail-table tr { border: 1px solid #c9d2e0; margin: 0 0 8px; }
  .mail-table td { border: 0 !important; }
  .mail-table td::before { content: attr(data-label) " : "; font-weight: 700; }
}`;

const wrapping = { overflowWrap: "anywhere", wordBreak: "break-word" } as const;
/** Around the body: a word longer than its line breaks, without letting tables squeeze words ("Heur e"). */
const bodyWrapping = { overflowWrap: "break-word" } as const;

/** The commune's colour, or the portal's. */
const brandColorOf = (commune: MailCommune) => commune.brandColor ?? DEFAULT_BRAND_COLOR;

function ContactBlock({ contact }: { contact: MailContact }) {
  const lines = [contact.address, contact.phone && `Tél. : ${contact.phone}`, contact.hours].filter(Boolean);
  return (
    <Text style={{ fontSize: "14px", color: "#3a3a3a", margin: "12px 0 0", ...wrapping }}>
      {lines.map((line) => (
        <span key={line as string}>
          {line}
          <br />
        </span>
      ))}
      <Link href={`mailto:${contact.email}`} style={{ color: "#3a3a3a", ...wrapping }}>
        {contact.email}
      </Link>
    </Text>
  );
}

/** Frame of every mail: the town's name (and logo), the signature, its contact block and the "mail automatique" footer. */
export function MailLayout({
  commune,
  preview,
  children,
}: {
  commune: MailCommune;
  preview: string;
  children: ReactNode;
}) {
  const color = brandColorOf(commune);
  return (
    <Html lang="fr">
      <Head>
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <style>{PHONE_CSS}</style>
      </Head>
      <Preview>{preview}</Preview>
      <Body
        style={{
          backgroundColor: "#f4f6fa",
          fontFamily: "Arial, Helvetica, sans-serif",
          color: "#1e1e1e",
          margin: 0,
        }}
      >
        <Container
          style={{
            backgroundColor: "#ffffff",
            padding: "16px",
            width: "100%",
            maxWidth: "600px",
            boxSizing: "border-box",
          }}
        >
          <Section style={{ borderBottom: `4px solid ${color}`, margin: "0 0 16px" }}>
            {commune.logoUrl ? (
              <Img
                src={commune.logoUrl}
                alt={`Logo de ${commune.name}`}
                height="48"
                style={{ maxWidth: "100%", margin: "0 0 8px" }}
              />
            ) : null}
            <Text style={{ fontSize: "18px", fontWeight: 700, color, margin: "0 0 8px", ...wrapping }}>
              {commune.name} – Portail Famille
            </Text>
          </Section>
          <Section style={bodyWrapping}>{children}</Section>
          <Text style={{ margin: "24px 0 0" }}>
            Cordialement
            <br />
            {commune.serviceSignature}
            <br />
            {commune.name}
          </Text>
          {commune.contact ? <ContactBlock contact={commune.contact} /> : null}
          <Hr />
          <Text style={{ fontSize: "12px", color: "#4f4f4f" }}>
            Ceci est un mail automatique, merci de ne pas y répondre.
          </Text>
        </Container>
      </Body>
    </Html>
  );
}

/** "Bonjour Mme Claire MARTIN," — every mail names its recipient, as the guides' acknowledgements do. */
export function MailGreeting({ name }: { name: string }) {
  return <Text>Bonjour {name},</Text>;
}

/** A call-to-action button in the commune's colour (none given: the portal's), then the plain link for clients without buttons. */
export function MailAction({ commune, href, label }: { commune?: MailCommune; href: string; label: string }) {
  return (
    <Section style={{ margin: "16px 0" }}>
      <Button
        href={href}
        style={{
          backgroundColor: commune ? brandColorOf(commune) : DEFAULT_BRAND_COLOR,
          color: "#ffffff",
          padding: "12px 20px",
          borderRadius: "6px",
          fontWeight: 700,
          maxWidth: "100%",
          boxSizing: "border-box",
        }}
      >
        {label}
      </Button>
      <Text style={wrapping}>
        Si ce bouton ne s&apos;affiche pas correctement, veuillez cliquer sur le lien suivant :<br />
        <Link href={href} style={wrapping}>
          {href}
        </Link>
      </Text>
    </Section>
  );
}

export const previewCommune: MailCommune = {
  name: "Ville de Démo",
  serviceSignature: "Le service enfance jeunesse et scolaire",
  contact: {
    phone: "01 23 45 67 89",
    hours: "Du lundi au vendredi, de 8 h 30 à 12 h et de 13 h 30 à 17 h",
    address: "Mairie de Démo, 1 place de la Mairie, 38330 Démo",
    email: "enfance@demo.fr",
  },
  logoUrl: null,
  brandColor: "#1d4f91",
};

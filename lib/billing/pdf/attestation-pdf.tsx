import "server-only";
import { Document, Page, renderToBuffer, View } from "@react-pdf/renderer";
import type { Commune } from "@/db/schema";
import type { ChildcareAttestation } from "@/lib/billing/family/attestation-data";
import { formatDate, formatEuros } from "@/lib/format";
import { Addressee, styles, T, TownHeader } from "./pdf-kit";

/*
 * Attestation de frais de garde: what a household paid in a year for the childcare of its children under 6, for
 * the tax credit ("frais de garde des enfants de moins de 6 ans", déclaration de revenus).
 */

type PdfCommune = Pick<Commune, "name" | "serviceSignature" | "contactEmail" | "contactPhone" | "contactAddress">;

const col = { child: { width: "50%" }, birth: { width: "25%" }, amount: { width: "25%", textAlign: "right" as const } };

export function attestationPdfFilename(year: number): string {
  return `attestation-frais-de-garde-${year}.pdf`;
}

export function AttestationDocument({
  commune,
  attestation,
  issuedOn,
}: {
  commune: PdfCommune;
  attestation: ChildcareAttestation;
  issuedOn: string;
}) {
  const { year } = attestation;
  return (
    <Document title={`Attestation de frais de garde ${year}`} author={commune.name} language="fr">
      <Page size="A4" style={styles.page}>
        <TownHeader
          commune={commune}
          right={
            <Addressee
              name={attestation.payerName}
              address={attestation.payerAddress}
              extra={`Famille ${attestation.householdName}`}
            />
          }
        />
        <T style={styles.title}>{`Attestation de frais de garde — année ${year}`}</T>
        <T>
          {`${commune.name} atteste que la famille ${attestation.householdName} a réglé, du 01/01/${year} au 31/12/${year}, pour l'accueil de ses enfants de moins de 6 ans au 1er janvier ${year} (accueil périscolaire et de loisirs, hors frais de repas), les sommes suivantes :`}
        </T>
        <View style={{ marginTop: 12 }}>
          <View style={styles.headRow}>
            <T style={[styles.bold, col.child]}>Enfant</T>
            <T style={[styles.bold, col.birth]}>Date de naissance</T>
            <T style={[styles.bold, col.amount]}>Montant réglé</T>
          </View>
          {attestation.children.map((child) => (
            <View key={child.id} style={styles.row}>
              <T style={col.child}>{child.name}</T>
              <T style={col.birth}>{formatDate(child.birthDate)}</T>
              <T style={col.amount}>{formatEuros(child.paidCents)}</T>
            </View>
          ))}
          {attestation.children.length === 0 ? (
            <T
              style={styles.muted}
            >{`Aucun enfant de moins de 6 ans au 1er janvier ${year} dans ce dossier famille.`}</T>
          ) : null}
          <View style={styles.headRow}>
            <T style={[styles.bold, { width: "75%" }]}>Total</T>
            <T style={[styles.bold, col.amount]}>{formatEuros(attestation.totalCents)}</T>
          </View>
        </View>
        <View style={styles.box}>
          <T>
            Ces montants sont ceux des règlements reçus dans l&apos;année, répartis entre les lignes des factures
            qu&apos;ils ont réglées ; les règlements annulés n&apos;y figurent pas. Ils sont à déclarer au titre des
            frais de garde des enfants de moins de 6 ans, déduction faite des aides perçues pour cette garde.
          </T>
        </View>
        <T style={{ marginTop: 24 }}>{`Fait le ${formatDate(issuedOn)}, pour valoir ce que de droit.`}</T>
        <T>{commune.serviceSignature}</T>
        <View style={styles.footer} fixed>
          <T>{`${commune.name} — ${commune.contactEmail}`}</T>
        </View>
      </Page>
    </Document>
  );
}

export async function renderAttestationPdf(
  commune: PdfCommune,
  attestation: ChildcareAttestation,
  issuedOn: string,
): Promise<Buffer> {
  return renderToBuffer(<AttestationDocument commune={commune} attestation={attestation} issuedOn={issuedOn} />);
}

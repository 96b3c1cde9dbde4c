import { Text } from "@react-email/components";
import { formatDateTime } from "@/lib/format";
import { MailTable } from "./booking-acknowledgement";
import { MailAction, type MailCommune, MailLayout, previewCommune } from "./mail-layout";

/** One child of the pre-registration and the services wished for it, as step 3 words them. */
export interface NewFamilyMailChild {
  name: string;
  services: string[];
}

export type NewFamilyAcknowledgementProps = {
  commune: MailCommune;
  /** "Mme Inès NOUVELLE" */
  greetingName: string;
  reference: string;
  requestedAt: Date;
  children: NewFamilyMailChild[];
  myRequestsUrl: string;
};

/** The accusé d'enregistrement of a new family's pre-registration, sent on "Envoyer ma demande". */
export default function NewFamilyAcknowledgement({
  commune,
  greetingName,
  reference,
  requestedAt,
  children,
  myRequestsUrl,
}: NewFamilyAcknowledgementProps) {
  const sentence = `Votre demande de pré-inscription ${reference} réalisée le ${formatDateTime(requestedAt)} est en cours d'instruction :`;
  return (
    <MailLayout commune={commune} preview={sentence}>
      <Text>Bonjour {greetingName},</Text>
      <Text>{sentence}</Text>
      <MailTable
        caption="Vos pré-inscriptions et réservations"
        headers={["Enfant", "Services souhaités"]}
        rows={children.map((child) => [child.name, child.services.length ? child.services.join(", ") : "Aucun"])}
      />
      <Text>
        Le service vérifie votre dossier : dès qu&apos;il est validé, vous aurez accès à votre Espace Famille et les
        inscriptions aux activités vous seront confirmées.
      </Text>
      <Text>Vous pouvez suivre votre demande depuis votre espace citoyen dans le menu Mes demandes.</Text>
      <MailAction commune={commune} href={myRequestsUrl} label="Mon espace citoyen" />
    </MailLayout>
  );
}

NewFamilyAcknowledgement.PreviewProps = {
  commune: previewCommune,
  greetingName: "Mme Inès NOUVELLE",
  reference: "D2027-000042",
  requestedAt: new Date("2027-01-11T08:00:00Z"),
  children: [
    { name: "Léo NOUVELLE", services: ["Restauration scolaire (cantine)", "Périscolaire du soir"] },
    { name: "Zoé NOUVELLE", services: [] },
  ],
  myRequestsUrl: "http://localhost:3000/demo/mon-espace-citoyen/mes-demandes",
} satisfies NewFamilyAcknowledgementProps;

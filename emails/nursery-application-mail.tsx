import { Section, Text } from "@react-email/components";
import { MailAction, type MailCommune, MailGreeting, MailLayout, previewCommune } from "./mail-layout";

/** What happened to a pré-inscription en crèche, as the family is told. */
export type NurseryMailEvent =
  | "received"
  | "offered"
  | "waiting_list"
  | "refused"
  | "confirmation_reminder"
  | "lapsed"
  | "offer_expired"
  | "accepted";

export type NurseryApplicationMailProps = {
  commune: MailCommune;
  /** "Mme Claire MARTIN" */
  greetingName: string;
  event: NurseryMailEvent;
  /** "D2027-000042". */
  reference: string;
  /** "Léa MARTIN", or "l'enfant à naître (naissance prévue le 02/05/2027)". */
  childName: string;
  /** The place offered or accepted: "Multi-accueil Les Petits Loups à partir du 01/09/2027". */
  place: string | null;
  /** "lundi 08:00–17:30, mardi 08:00–17:30" for an offered regular place. */
  schedule: string | null;
  /** Offered: the last day to answer; reminder: the last day to confirm ("19/01/2027"). */
  deadline: string | null;
  waitingRank: number | null;
  /** The commission's reason for a refusal. */
  reason: string | null;
  /** The application's page in the family space (APP_URL included). */
  applicationUrl: string;
};

const subjects: Record<NurseryMailEvent, string> = {
  received: "Votre pré-inscription en crèche a bien été reçue",
  offered: "Une place en crèche vous est proposée",
  waiting_list: "Votre pré-inscription en crèche est sur liste d'attente",
  refused: "Votre pré-inscription en crèche a été refusée",
  confirmation_reminder: "Confirmez votre pré-inscription en crèche",
  lapsed: "Votre pré-inscription en crèche n'a pas été confirmée",
  offer_expired: "Le délai pour répondre à la place proposée est dépassé",
  accepted: "Vous avez accepté la place en crèche",
};

/** The subject, with the request's reference: "Une place en crèche vous est proposée (D2027-000042)". */
export function nurseryMailSubject(event: NurseryMailEvent, reference: string): string {
  return `${subjects[event]} (${reference})`;
}

function Body(props: NurseryApplicationMailProps) {
  const { event, childName, place, schedule, deadline, waitingRank, reason } = props;
  switch (event) {
    case "received":
      return (
        <>
          <Text>
            Nous avons bien reçu votre demande de pré-inscription en crèche pour {childName}. Elle sera étudiée lors
            d'une prochaine commission d'attribution des places.
          </Text>
          <Text>
            Pensez à la confirmer régulièrement depuis votre espace famille, avant la date qui y est indiquée : une
            demande non confirmée devient caduque.
          </Text>
        </>
      );
    case "offered":
      return (
        <>
          <Text>La commission d'attribution propose une place pour {childName} :</Text>
          <Section style={{ borderLeft: "4px solid #1d4f91", backgroundColor: "#f4f6fa", padding: "4px 12px" }}>
            <Text style={{ fontWeight: 700 }}>{place}</Text>
            {schedule ? <Text>Planning : {schedule}</Text> : null}
          </Section>
          <Text>
            Acceptez ou déclinez cette place avant le {deadline} inclus depuis votre espace. Sans réponse, la place sera
            proposée à une autre famille.
          </Text>
        </>
      );
    case "waiting_list":
      return (
        <Text>
          La commission d'attribution n'a pas pu proposer de place pour {childName} : votre demande est inscrite sur
          liste d'attente{waitingRank ? ` (rang ${waitingRank})` : ""}. Pensez à la confirmer avant la date indiquée
          dans votre espace famille.
        </Text>
      );
    case "refused":
      return (
        <>
          <Text>La commission d'attribution a refusé la demande pour {childName}.</Text>
          <Section style={{ borderLeft: "4px solid #1d4f91", backgroundColor: "#f4f6fa", padding: "4px 12px" }}>
            <Text style={{ fontWeight: 700, margin: "8px 0 0" }}>Motif :</Text>
            <Text style={{ whiteSpace: "pre-line" }}>{reason}</Text>
          </Section>
        </>
      );
    case "confirmation_reminder":
      return (
        <Text>
          Votre demande de pré-inscription en crèche pour {childName} doit être confirmée au plus tard le {deadline}.
          Sans confirmation, elle deviendra caduque.
        </Text>
      );
    case "lapsed":
      return (
        <Text>
          Votre demande de pré-inscription en crèche pour {childName} n'a pas été confirmée à temps : elle est devenue
          caduque. Vous pouvez déposer une nouvelle demande depuis votre espace famille.
        </Text>
      );
    case "offer_expired":
      return (
        <Text>
          Vous n'avez pas répondu à temps à la place proposée pour {childName} ({place}). Votre demande retourne à la
          commission d'attribution.
        </Text>
      );
    case "accepted":
      return (
        <Text>
          Vous avez accepté la place proposée pour {childName} : {place}. L'enfant est inscrit dans la structure et
          apparaît dans votre planning.
        </Text>
      );
  }
}

/** Every mail of a pré-inscription en crèche: acknowledgement, commission decisions, reminders, expiries. */
export default function NurseryApplicationMail(props: NurseryApplicationMailProps) {
  const subject = nurseryMailSubject(props.event, props.reference);
  return (
    <MailLayout commune={props.commune} preview={subject}>
      <MailGreeting name={props.greetingName} />
      <Body {...props} />
      <MailAction commune={props.commune} href={props.applicationUrl} label={`Voir ma demande ${props.reference}`} />
    </MailLayout>
  );
}

NurseryApplicationMail.PreviewProps = {
  commune: previewCommune,
  greetingName: "Mme Claire MARTIN",
  event: "offered",
  reference: "D2027-000042",
  childName: "Jules MARTIN",
  place: "Multi-accueil Les Petits Loups à partir du 01/09/2027",
  schedule: "lundi 08:00–17:30, mardi 08:00–17:30, jeudi 08:00–17:30",
  deadline: "19/01/2027",
  waitingRank: null,
  reason: null,
  applicationUrl: "http://localhost:3000/demo/espace-famille/creche/00000000-0000-4000-8000-000000000000",
} satisfies NurseryApplicationMailProps;

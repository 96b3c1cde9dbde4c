import { Text } from "@react-email/components";
import type { BookingEventKind, BookingStatus } from "@/db/schema/planning";
import { formatDateTime } from "@/lib/format";
import { BOOKING_TABLE_HEADERS, type BookingMailLine, bookingLineCells, MailTable } from "./booking-acknowledgement";
import { MailAction, type MailCommune, MailGreeting, MailLayout, previewCommune } from "./mail-layout";

/** What the town (or the portal) decided on a day; a late absence accepted but billed is told apart. */
export type DigestDecision = BookingEventKind | "absence_accepted_billed";

const decisionLabels: Record<DigestDecision, string> = {
  accepted: "Acceptée",
  refused: "Refusée",
  waitlisted: "Liste d'attente",
  promoted: "Place attribuée (liste d'attente)",
  absence_accepted: "Absence acceptée",
  absence_accepted_billed: "Absence acceptée (facturée)",
  absence_refused: "Absence refusée",
  // Acts the town may record for the family (e.g. at the desk).
  booking_requested: "Réservation enregistrée",
  absence_requested: "Absence enregistrée",
  cancelled: "Annulée",
};

/** The event has no "billed" flag: an accepted absence is billed when the day ended up "absent_billed". */
export function digestDecision(kind: BookingEventKind, bookingStatus: BookingStatus): DigestDecision {
  return kind === "absence_accepted" && bookingStatus === "absent_billed" ? "absence_accepted_billed" : kind;
}

export interface DigestLine extends BookingMailLine {
  decision: DigestDecision;
  /** The agent's message to the family, if any. */
  message: string | null;
}

export const bookingDecisionsDigestSubject = (communeName: string) =>
  `Accusé de traitement de vos demandes – Portail Famille ${communeName}`;

export type BookingDecisionsDigestProps = {
  commune: MailCommune;
  /** "Mme Claire MARTIN" */
  greetingName: string;
  /** First and last minute of the window, e.g. 18:01 the day before and 13:00. */
  from: Date;
  to: Date;
  lines: DigestLine[];
  myRequestsUrl: string;
};

const previewLine = {
  startTime: "07:35",
  kind: "booking",
  childName: "Léa MARTIN",
  activityLabel: "1/Péri MATIN",
  message: null,
} as const;
const previewLines: DigestLine[] = [
  { ...previewLine, day: "2026-05-04", decision: "accepted" },
  { ...previewLine, day: "2026-05-05", decision: "waitlisted" },
  {
    ...previewLine,
    day: "2026-05-07",
    decision: "refused",
    message: "L'accueil est fermé ce jour-là (sortie scolaire).",
  },
  { ...previewLine, day: "2026-05-11", kind: "absence", decision: "absence_accepted_billed" },
];

function DecisionCell({ line }: { line: DigestLine }) {
  return (
    <>
      <strong>{decisionLabels[line.decision]}</strong>
      {line.message ? (
        <>
          <br />
          <span style={{ whiteSpace: "pre-line" }}>Message de la collectivité : {line.message}</span>
        </>
      ) : null}
    </>
  );
}

/** The accusé de traitement digest: one mail per family and window (13:00 and 18:00) listing the days decided. */
export default function BookingDecisionsDigest({
  commune,
  greetingName,
  from,
  to,
  lines,
  myRequestsUrl,
}: BookingDecisionsDigestProps) {
  const sentence = `Vos demandes de réservation et d'absence suivantes ont été traitées entre le ${formatDateTime(from)} et le ${formatDateTime(to)} :`;
  return (
    <MailLayout commune={commune} preview={sentence}>
      <MailGreeting name={greetingName} />
      <Text>{sentence}</Text>
      <MailTable
        caption="Traitement de vos demandes"
        headers={[...BOOKING_TABLE_HEADERS, "Décision"]}
        rows={lines.map((line) => [...bookingLineCells(line), <DecisionCell key="decision" line={line} />])}
      />
      <Text>
        Vous pouvez retrouver vos demandes et leur historique depuis votre espace citoyen dans le menu Mes demandes.
      </Text>
      <MailAction commune={commune} href={myRequestsUrl} label="Mon espace citoyen" />
    </MailLayout>
  );
}

BookingDecisionsDigest.PreviewProps = {
  commune: previewCommune,
  greetingName: "Mme Claire MARTIN",
  from: new Date("2026-04-01T16:01:00Z"),
  to: new Date("2026-04-02T11:00:00Z"),
  lines: previewLines,
  myRequestsUrl: "http://localhost:3000/demo/mon-espace-citoyen/mes-demandes",
} satisfies BookingDecisionsDigestProps;

import { Text } from "@react-email/components";
import { formatDate } from "@/lib/format";
import type { IsoDay } from "@/lib/planning/days";
import { MailAction, MailLayout, previewCommune, type MailCommune } from "./mail-layout";

export type BookingPromotedProps = {
  commune?: MailCommune;
  childName?: string;
  activityLabel?: string;
  day?: IsoDay;
  startTime?: string;
  myRequestsUrl?: string;
};

/** "Place attribuée : Léa MARTIN, 1/Péri MATIN le 04/05/2026" — the subject. */
export function bookingPromotedSubject(childName: string, activityLabel: string, day: IsoDay): string {
  return `Place attribuée : ${childName}, ${activityLabel} le ${formatDate(day)}`;
}

/** Sent as soon as a place frees and the first child of the waiting list gets it. */
export default function BookingPromoted({
  commune = previewCommune,
  childName = "Léa MARTIN",
  activityLabel = "1/Péri MATIN",
  day = "2026-05-04",
  startTime = "07:35",
  myRequestsUrl = "http://localhost:3000/demo/mon-espace-citoyen/mes-demandes",
}: BookingPromotedProps) {
  return (
    <MailLayout commune={commune} preview={bookingPromotedSubject(childName, activityLabel, day)}>
      <Text>Bonjour,</Text>
      <Text>
        Une place s&apos;est libérée pour {activityLabel} le {formatDate(day)} à {startTime} : {childName}, qui était sur liste
        d&apos;attente, a désormais sa place ce jour-là. Sa réservation est acceptée.
      </Text>
      <Text>
        Si votre enfant ne vient finalement pas, pensez à faire une demande d&apos;absence depuis le planning des activités, dans
        les délais prévus par le règlement de fonctionnement.
      </Text>
      <MailAction href={myRequestsUrl} label="Mon espace citoyen" />
    </MailLayout>
  );
}

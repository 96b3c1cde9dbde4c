import type { ReactNode } from "react";
import { formatDate, formatDateTime } from "@/lib/format";
import type { NurseryApplicationDetail } from "@/lib/nursery/detail";
import { describeWeeklySchedule } from "@/lib/nursery/labels";

function Fact({ term, children }: { term: string; children: ReactNode }) {
  return (
    <>
      <dt>{term}</dt>
      <dd>{children}</dd>
    </>
  );
}

/** What the commission decided, in the family's words. */
function Decision({ detail }: { detail: NurseryApplicationDetail }) {
  const { offer } = detail;
  return (
    <>
      {offer ? (
        <>
          <Fact term={detail.status === "accepted" ? "Place acceptée" : "Place proposée"}>
            {offer.structureName} à partir du {formatDate(offer.startOn)}
          </Fact>
          {offer.schedule.length > 0 ? (
            <Fact term="Planning proposé">{describeWeeklySchedule(offer.schedule)}</Fact>
          ) : null}
          {detail.status === "offered" ? (
            <Fact term="Répondre avant le">{formatDate(offer.lastDay)} inclus</Fact>
          ) : null}
        </>
      ) : null}
      {detail.waitingRank !== null ? <Fact term="Rang sur la liste d'attente">{detail.waitingRank}</Fact> : null}
      {detail.refusalReason ? <Fact term="Motif du refus">{detail.refusalReason}</Fact> : null}
      {detail.commissionOn ? <Fact term="Commission du">{formatDate(detail.commissionOn)}</Fact> : null}
    </>
  );
}

/**
 * The application as a description list: child, care, schedule, start, wishes, guardians' situations, comment,
 * confirmation due day, and the commission's decision (offer, rank, reason). Used by the family's page and the
 * agent's file alike.
 */
export function NurseryApplicationSummary({ detail }: { detail: NurseryApplicationDetail }) {
  const open = detail.status === "submitted" || detail.status === "waiting_list";
  return (
    <dl className="facts">
      <Fact term="Référence">{detail.reference}</Fact>
      <Fact term="État">{detail.statusLabel}</Fact>
      <Decision detail={detail} />
      <Fact term="Enfant">{detail.child.name}</Fact>
      {detail.child.born ? <Fact term="Date de naissance">{formatDate(detail.child.birthOn)}</Fact> : null}
      <Fact term="Type de garde">{detail.careTypeLabel}</Fact>
      {detail.schedule.length > 0 ? (
        <Fact term="Jours et horaires souhaités">{describeWeeklySchedule(detail.schedule)}</Fact>
      ) : null}
      <Fact term="Date d'entrée souhaitée">{formatDate(detail.desiredStartOn)}</Fact>
      <Fact term="Tranche d'âge à l'entrée">{detail.ageGroupLabel}</Fact>
      <Fact term="Structures souhaitées">
        <ol>
          {detail.wishes.map((wish) => (
            <li key={wish.structureId}>{wish.name}</li>
          ))}
        </ol>
      </Fact>
      <Fact term="Situation des responsables">
        <ul>
          {detail.guardianSituations.map((guardian) => (
            <li key={guardian.guardianId}>
              {guardian.name} : {guardian.situation}
              {guardian.employer ? ` (${guardian.employer})` : ""}
            </li>
          ))}
        </ul>
      </Fact>
      {detail.comment ? <Fact term="Commentaire">{detail.comment}</Fact> : null}
      <Fact term="Demande envoyée le">{formatDateTime(detail.createdAt)}</Fact>
      {open ? (
        <Fact term="À confirmer avant le">
          {formatDate(detail.confirmation.dueOn)} inclus (dernière confirmation le{" "}
          {formatDate(detail.confirmation.confirmedAt)})
        </Fact>
      ) : null}
    </dl>
  );
}

import {
  acceptNurseryPlace,
  acceptNurseryPlaceWithBirth,
  declineNurseryPlace,
} from "@/app/[commune]/espace-famille/creche/[id]/actions-offer";
import { currentTime } from "@/lib/clock";
import { formatDate } from "@/lib/format";
import { isOfferOpen } from "@/lib/nursery/deadlines";
import type { NurseryApplicationDetail } from "@/lib/nursery/detail";
import { describeWeeklySchedule } from "@/lib/nursery/labels";
import { OfferAnswerForms } from "./offer-answer-forms";

/**
 * "Accepter la place" / "Décliner la place" on the family's application page while a place is offered and the
 * delay runs; for a child to be born, accepting asks the birth (prénom, sexe, date de naissance).
 */
export function NurseryOfferAnswer({ communeSlug, detail }: { communeSlug: string; detail: NurseryApplicationDetail }) {
  const { offer } = detail;
  if (detail.status !== "offered" || !offer) return null;
  const open = isOfferOpen(offer.expiresAt, currentTime());
  return (
    <section aria-labelledby="offer-answer-title" className="card">
      <h2 id="offer-answer-title">Répondre à la place proposée</h2>
      <p>
        Une place vous est proposée pour {detail.child.name} : <strong>{offer.structureName}</strong> à partir du{" "}
        {formatDate(offer.startOn)}
        {offer.schedule.length > 0 ? `, ${describeWeeklySchedule(offer.schedule)}` : ""}.
      </p>
      {open ? (
        <>
          <p>
            Répondez avant le <strong>{formatDate(offer.lastDay)} inclus</strong> : sans réponse, la place retourne à la
            commission d'attribution.
          </p>
          <OfferAnswerForms
            accept={
              detail.child.born
                ? { action: acceptNurseryPlace.bind(null, communeSlug), askBirth: false }
                : {
                    action: acceptNurseryPlaceWithBirth.bind(null, communeSlug),
                    askBirth: true,
                    expectedBirthOn: detail.child.birthOn,
                  }
            }
            decline={declineNurseryPlace.bind(null, communeSlug)}
            householdId={detail.householdId}
            applicationId={detail.id}
          />
        </>
      ) : (
        <p className="notice">
          Le délai de réponse est dépassé depuis le {formatDate(offer.lastDay)} : la place retourne à la commission
          d'attribution.
        </p>
      )}
    </section>
  );
}

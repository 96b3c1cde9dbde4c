"use client";

import { FormDone } from "@/components/accounts/form-done";
import { Link } from "@/components/ui/link";
import type { PeriodOutcome } from "@/lib/bookings/types";
import { routes } from "@/lib/routes/paths";
import { DayOutcomeTable, summarizeDays } from "./period-form-days";

/** After "Demander": the reference, where to follow it, and what became of each date. */
export function PeriodResult({
  message,
  outcome,
  slug,
  onAnother,
}: {
  message: string;
  outcome: PeriodOutcome & { request: NonNullable<PeriodOutcome["request"]> };
  slug: string;
  onAnother: () => void;
}) {
  const { request, days } = outcome;
  return (
    <>
      <FormDone message={message}>
        <p>{summarizeDays(days, "result")}</p>
        <p className="button-row">
          <Link className="button" href={routes.citizen.request(slug, request.id)}>
            Suivre la demande {request.reference} dans Mes demandes
          </Link>
          <Link className="button button--secondary" href={routes.family.planning(slug)}>
            Voir le planning
          </Link>
          <button type="button" className="button button--secondary" onClick={onAnother}>
            Faire une autre demande
          </button>
        </p>
      </FormDone>
      <h2>Résultat date par date</h2>
      <DayOutcomeTable days={days} tense="result" caption={`Dates de la demande ${request.reference}`} />
    </>
  );
}

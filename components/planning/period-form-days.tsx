import { DataTable } from "@/components/ui/data-table";
import type { DayOutcome, DayResult } from "@/lib/bookings/types";
import { formatDate } from "@/lib/format";
import { isoWeekday, weekdayName } from "@/lib/planning/days";

/*
 * The dates of a period request, one line each, before ("Dates concernées") and after sending (the result):
 * what happens to each date and why — a refused date is listed with its reason, never dropped.
 */

export type DaysTense = "preview" | "result";

const OUTCOME_LABELS: Record<DaysTense, Record<DayOutcome, string>> = {
  preview: {
    requested: "Sera demandée",
    booked: "Sera réservée",
    waiting: "Liste d'attente",
    absence_requested: "Absence sera demandée",
    absent: "Absence sera enregistrée",
    absent_billed: "Absence facturée",
    refused: "Impossible",
  },
  result: {
    requested: "Demandée",
    booked: "Réservée",
    waiting: "En liste d'attente",
    absence_requested: "Absence demandée",
    absent: "Absence enregistrée",
    absent_billed: "Absence enregistrée (facturée)",
    refused: "Refusée",
  },
};

type Group = "asked" | "waiting" | "refused";
const groupOf = (outcome: DayOutcome): Group =>
  outcome === "refused" ? "refused" : outcome === "waiting" ? "waiting" : "asked";
const BADGE: Record<Group, string> = {
  asked: "badge badge--success",
  waiting: "badge pending-value",
  refused: "badge badge--danger",
};

const plural = (n: number, one: string, many: string) => `${n} ${n > 1 ? many : one}`;

/** "8 dates : 6 seront demandées, 1 en liste d'attente, 1 impossible." */
export function summarizeDays(days: readonly DayResult[], tense: DaysTense): string {
  const count = (group: Group) => days.filter((d) => groupOf(d.outcome) === group).length;
  const parts = [
    count("asked")
      ? plural(
          count("asked"),
          tense === "preview" ? "sera demandée" : "demandée",
          tense === "preview" ? "seront demandées" : "demandées",
        )
      : null,
    count("waiting") ? `${count("waiting")} en liste d'attente` : null,
    count("refused")
      ? plural(
          count("refused"),
          tense === "preview" ? "impossible" : "refusée",
          tense === "preview" ? "impossibles" : "refusées",
        )
      : null,
  ].filter(Boolean);
  return `${plural(days.length, "date", "dates")} : ${parts.join(", ")}.`;
}

/** "lundi 07/12/2026" */
export function dayLabel(day: string): string {
  return `${weekdayName(isoWeekday(day))} ${formatDate(day)}`;
}

export function DayOutcomeTable({
  days,
  tense,
  caption,
}: {
  days: readonly DayResult[];
  tense: DaysTense;
  caption: string;
}) {
  return (
    <DataTable
      caption={caption}
      hiddenCaption
      rows={days}
      rowKey={(d) => d.day}
      columns={[
        { header: "Date", rowHeader: true, cell: (d) => dayLabel(d.day) },
        {
          header: tense === "preview" ? "Prévision" : "Résultat",
          cell: (d) => <span className={BADGE[groupOf(d.outcome)]}>{OUTCOME_LABELS[tense][d.outcome]}</span>,
        },
        { header: "Motif", cell: (d) => d.reason ?? "–" },
      ]}
    />
  );
}

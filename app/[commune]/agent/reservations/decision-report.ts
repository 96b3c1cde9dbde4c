import type { DecisionOutcome as BookingDecisionOutcome } from "@/lib/bookings/decide";

const OUTCOME_TEXTS: Record<BookingDecisionOutcome, { one: string; many: string; line: string }> = {
  accepted: { one: "acceptée", many: "acceptées", line: "réservation acceptée" },
  waitlisted: {
    one: "mise en liste d'attente (complet)",
    many: "mises en liste d'attente (complet)",
    line: "mise en liste d'attente (complet)",
  },
  refused: { one: "refusée", many: "refusées", line: "réservation refusée" },
  absence_accepted: { one: "absence acceptée", many: "absences acceptées", line: "absence acceptée" },
  absence_refused: { one: "absence refusée", many: "absences refusées", line: "absence refusée" },
  not_pending: {
    one: "déjà traitée ou annulée",
    many: "déjà traitées ou annulées",
    line: "déjà traitée, ou annulée par la famille",
  },
};

const ORDER = Object.keys(OUTCOME_TEXTS) as BookingDecisionOutcome[];

/**
 * The agent's report of a decision: a summary ("3 acceptées, 2 mises en liste d'attente (complet).") then one
 * line per slot ("Léa MARTIN, D2026-000124 : réservation acceptée."). `ok` is false when some could not be decided.
 */
export function bookingDecisionReport(
  results: readonly { bookingId: string; outcome: BookingDecisionOutcome }[],
  slots: ReadonlyMap<string, { childName: string; reference: string | null }>,
): { ok: boolean; text: string } {
  const counts = new Map<BookingDecisionOutcome, number>();
  for (const { outcome } of results) counts.set(outcome, (counts.get(outcome) ?? 0) + 1);
  const summary = ORDER.filter((outcome) => counts.has(outcome))
    .map((outcome) => {
      const count = counts.get(outcome)!;
      return `${count} ${count > 1 ? OUTCOME_TEXTS[outcome].many : OUTCOME_TEXTS[outcome].one}`;
    })
    .join(", ");
  const lines = results.map(({ bookingId, outcome }) => {
    const slot = slots.get(bookingId);
    const name = slot ? [slot.childName, slot.reference].filter(Boolean).join(", ") : "Demande introuvable";
    return `${name} : ${OUTCOME_TEXTS[outcome].line}.`;
  });
  return { ok: !counts.has("not_pending"), text: [`${summary}.`, ...lines].join("\n") };
}

import { describe, expect, it } from "vitest";
import { bookingDecisionReport } from "./decision-report";

const slots = new Map([
  ["a", { childName: "Léa MARTIN", reference: "D2026-000124" }],
  ["b", { childName: "Hugo MARTIN", reference: "D2026-000125" }],
  ["c", { childName: "Zoé MARTIN", reference: null }],
]);

describe("bookingDecisionReport", () => {
  it("sums up by outcome, then names each slot", () => {
    const report = bookingDecisionReport(
      [
        { bookingId: "a", outcome: "accepted" },
        { bookingId: "b", outcome: "waitlisted" },
        { bookingId: "c", outcome: "accepted" },
      ],
      slots,
    );
    expect(report).toEqual({
      ok: true,
      text: [
        "2 acceptées, 1 mise en liste d'attente (complet).",
        "Léa MARTIN, D2026-000124 : réservation acceptée.",
        "Hugo MARTIN, D2026-000125 : mise en liste d'attente (complet).",
        "Zoé MARTIN : réservation acceptée.",
      ].join("\n"),
    });
  });

  it("is not ok when a slot was no longer pending, or is unknown", () => {
    const report = bookingDecisionReport(
      [
        { bookingId: "a", outcome: "absence_refused" },
        { bookingId: "zz", outcome: "not_pending" },
      ],
      slots,
    );
    expect(report.ok).toBe(false);
    expect(report.text.split("\n")).toEqual([
      "1 absence refusée, 1 déjà traitée ou annulée.",
      "Léa MARTIN, D2026-000124 : absence refusée.",
      "Demande introuvable : déjà traitée, ou annulée par la famille.",
    ]);
  });
});

import { describe, expect, it } from "vitest";
import { groupInvoiceLines, type PrintedLine } from "./invoice-lines";

let n = 0;
const line = (over: Partial<PrintedLine>): PrintedLine => ({
  id: `l${++n}`,
  childName: "Léa MARTIN",
  activityLabel: "2/Repas Sco",
  month: "2027-01-01",
  kind: "slot",
  quantity: 1,
  unitCents: 410,
  amountCents: 410,
  note: null,
  ...over,
});

describe("groupInvoiceLines", () => {
  it("groups by child then activity, each in order, with their totals", () => {
    const groups = groupInvoiceLines([
      line({ childName: "Zoé MARTIN", quantity: 2, amountCents: 820 }),
      line({ kind: "regularisation", month: "2026-12-01", quantity: -1, amountCents: -410 }),
      line({ activityLabel: "1/Péri MATIN", quantity: 3, unitCents: 150, amountCents: 450 }),
      line({ kind: "late_absence", quantity: 1, amountCents: 410, note: "Absence hors délai, facturée" }),
      line({ quantity: 10, amountCents: 4100, note: "2 absences prévenues dans les délais, non facturées" }),
      line({ childName: "Hugo MARTIN", activityLabel: "3/Péri SOIR", quantity: 4, unitCents: 200, amountCents: 800 }),
    ]);
    expect(groups.map((g) => [g.childName, g.totalCents])).toEqual([
      ["Hugo MARTIN", 800],
      ["Léa MARTIN", 450 + 4100 + 410 - 410],
      ["Zoé MARTIN", 820],
    ]);
    const lea = groups[1]!;
    expect(lea.activities.map((a) => [a.activityLabel, a.totalCents])).toEqual([
      ["1/Péri MATIN", 450],
      ["2/Repas Sco", 4100],
    ]);
    // December's régularisation first, then January's days, then its late absence.
    expect(lea.activities[1]!.lines.map((l) => [l.month, l.kind])).toEqual([
      ["2026-12-01", "regularisation"],
      ["2027-01-01", "slot"],
      ["2027-01-01", "late_absence"],
    ]);
  });

  it("gives nothing for no line", () => {
    expect(groupInvoiceLines([])).toEqual([]);
  });
});

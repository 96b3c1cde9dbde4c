import { describe, expect, it } from "vitest";
import { type DayCharge, groupLines, totalCents } from "./lines";
import { slotBilling } from "./slot-billing";

const lea = { childId: "c-lea", childName: "Léa MARTIN", natureId: "n-cantine" };
const hugo = { childId: "c-hugo", childName: "Hugo MARTIN", natureId: "n-cantine" };
const repas = { activityId: "a-repas", activityLabel: "2/Repas Sco" };
const peri = { activityId: "a-peri", activityLabel: "1/Péri MATIN" };

function day(
  who: typeof lea,
  activity: typeof repas,
  date: string,
  status: Parameters<typeof slotBilling>[0],
  unitCents: number | null = 350,
  closed = false,
): DayCharge {
  return {
    ...who,
    ...activity,
    month: `${date.slice(0, 7)}-01`,
    billing: slotBilling(status, closed),
    unitCents,
    days: 1,
  };
}

describe("line grouping", () => {
  it("makes one line per child, activity, month, kind and unit price, quantity × unit price", () => {
    const { lines, untariffed } = groupLines([
      day(lea, repas, "2027-01-04", "booked"),
      day(lea, repas, "2027-01-05", "booked"),
      day(lea, repas, "2027-01-07", "absence_requested"),
      day(lea, peri, "2027-01-04", "booked", 120),
      day(hugo, repas, "2027-01-04", "booked"),
    ]);
    expect(untariffed).toEqual([]);
    expect(lines.map((l) => [l.childName, l.activityLabel, l.kind, l.quantity, l.unitCents, l.amountCents])).toEqual([
      ["Hugo MARTIN", "2/Repas Sco", "slot", 1, 350, 350],
      ["Léa MARTIN", "1/Péri MATIN", "slot", 1, 120, 120],
      ["Léa MARTIN", "2/Repas Sco", "slot", 3, 350, 1050],
    ]);
    expect(totalCents(lines)).toBe(1520);
  });

  it("bills late absences on their own line and explains the days left out on the first line", () => {
    const { lines } = groupLines([
      day(lea, repas, "2027-01-04", "booked"),
      day(lea, repas, "2027-01-05", "absent"),
      day(lea, repas, "2027-01-07", "absent"),
      day(lea, repas, "2027-01-08", "absent_billed"),
      day(lea, repas, "2027-01-11", "booked", 350, true),
      day(lea, repas, "2027-01-12", "refused"),
      day(lea, repas, "2027-01-14", "waiting"),
    ]);
    expect(lines.map((l) => [l.kind, l.quantity, l.note])).toEqual([
      ["slot", 1, "2 absences prévenues dans les délais, non facturées ; 1 jour de fermeture, non facturé"],
      ["late_absence", 1, "Absence hors délai, facturée"],
    ]);
  });

  it("puts the days left out after the late absences when the month has no other day", () => {
    const { lines } = groupLines([
      day(lea, repas, "2027-01-05", "absent"),
      day(lea, repas, "2027-01-07", "absent_billed"),
      day(lea, repas, "2027-01-08", "absent_billed"),
    ]);
    expect(lines).toHaveLength(1);
    expect(lines[0]!.note).toBe("2 absences hors délai, facturées ; 1 absence prévenue dans les délais, non facturée");
    expect(lines[0]!.amountCents).toBe(700);
  });

  it("bills nothing for a month of absences in time, refusals and closures", () => {
    expect(
      groupLines([
        day(lea, repas, "2027-01-05", "absent"),
        day(lea, repas, "2027-01-06", "refused"),
        day(lea, repas, "2027-01-07", "booked", 350, true),
      ]).lines,
    ).toEqual([]);
  });

  it("splits a month whose price changed, and leaves out the days without a tariff", () => {
    const { lines, untariffed } = groupLines([
      day(lea, repas, "2027-01-04", "booked", 350),
      day(lea, repas, "2027-01-25", "booked", 400),
      day(lea, repas, "2027-01-26", "booked", 400),
      day(lea, peri, "2027-01-04", "booked", null),
      day(lea, peri, "2027-01-05", "absent_billed", null),
      day(lea, peri, "2027-01-07", "absent", null),
    ]);
    expect(lines.map((l) => [l.activityLabel, l.quantity, l.unitCents])).toEqual([
      ["2/Repas Sco", 1, 350],
      ["2/Repas Sco", 2, 400],
    ]);
    expect(untariffed).toEqual([{ childId: "c-lea", activityId: "a-peri", activityLabel: "1/Péri MATIN", days: 2 }]);
  });

  it("counts slots given together", () => {
    const { lines } = groupLines([
      { ...day(lea, repas, "2027-01-04", "booked"), days: 5 },
      day(lea, repas, "2027-01-11", "booked"),
      { ...day(lea, repas, "2027-01-12", "absent"), days: 2 },
    ]);
    expect(lines.map((l) => [l.quantity, l.amountCents, l.note])).toEqual([
      [6, 2100, "2 absences prévenues dans les délais, non facturées"],
    ]);
  });

  it("keeps months apart", () => {
    const { lines } = groupLines([day(lea, repas, "2026-12-17", "booked"), day(lea, repas, "2027-01-04", "booked")]);
    expect(lines.map((l) => l.month)).toEqual(["2026-12-01", "2027-01-01"]);
  });
});

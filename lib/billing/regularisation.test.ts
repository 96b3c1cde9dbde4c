import { describe, expect, it } from "vitest";
import { monthChargeKey } from "./lines";
import { addDays, type MonthCharge, regularisationLines } from "./regularisation";

const december = {
  childId: "c-lea",
  childName: "Léa MARTIN",
  activityId: "a-repas",
  activityLabel: "2/Repas Sco",
  natureId: "n-cantine",
  month: "2026-12-01",
};
const key = monthChargeKey(december, december.month);

function charges(entries: [typeof december, number, number][]): Map<string, MonthCharge> {
  const map = new Map<string, MonthCharge>();
  for (const [subject, unitCents, quantity] of entries)
    addDays(map, monthChargeKey(subject, subject.month), subject, unitCents, quantity);
  return map;
}

describe("régularisation diff", () => {
  it("gives nothing when what should be billed was billed", () => {
    expect(regularisationLines(charges([[december, 350, 12]]), charges([[december, 350, 12]]))).toEqual([]);
    expect(regularisationLines(new Map(), new Map())).toEqual([]);
  });

  it("gives days back when an absence was accepted after the invoice", () => {
    const [line, ...rest] = regularisationLines(charges([[december, 350, 11]]), charges([[december, 350, 12]]));
    expect(rest).toEqual([]);
    expect(line).toMatchObject({
      childId: "c-lea",
      activityId: "a-repas",
      month: "2026-12-01",
      kind: "regularisation",
      quantity: -1,
      unitCents: 350,
      amountCents: -350,
      note: "Régularisation : 1 jour déduit",
    });
  });

  it("bills a late booking, and everything of a month no live invoice billed", () => {
    expect(regularisationLines(charges([[december, 350, 13]]), charges([[december, 350, 12]]))[0]).toMatchObject({
      quantity: 1,
      amountCents: 350,
      note: "Régularisation : 1 jour ajouté",
    });
    expect(regularisationLines(charges([[december, 350, 12]]), new Map())[0]).toMatchObject({
      quantity: 12,
      amountCents: 4200,
      note: "Régularisation : 12 jours ajoutés",
    });
  });

  it("gives everything back when every day was cancelled, with the labels the invoice printed", () => {
    const [line] = regularisationLines(new Map(), charges([[december, 350, 3]]));
    expect(line).toMatchObject({ childName: "Léa MARTIN", quantity: -3, amountCents: -1050 });
    expect(line!.note).toBe("Régularisation : 3 jours déduits");
  });

  it("compares price by price, so the lines sum to the exact difference", () => {
    // Billed 10 days at 350 and a late absence at 350; should now be 9 days at 350 and 2 at 400.
    const billed = charges([
      [december, 350, 10],
      [december, 350, 1],
    ]);
    const shouldBe = charges([
      [december, 350, 9],
      [december, 400, 2],
    ]);
    const lines = regularisationLines(shouldBe, billed);
    expect(lines.map((l) => [l.quantity, l.unitCents])).toEqual([
      [-2, 350],
      [2, 400],
    ]);
    expect(lines.reduce((s, l) => s + l.amountCents, 0)).toBe(9 * 350 + 2 * 400 - 11 * 350);
  });

  it("counts earlier régularisations as billed (negative days included)", () => {
    const billed = charges([
      [december, 350, 12],
      [december, 350, -1],
    ]);
    expect(billed.get(key)!.days.get(350)).toBe(11);
    expect(regularisationLines(charges([[december, 350, 11]]), billed)).toEqual([]);
  });

  it("keeps children, activities and months apart", () => {
    const hugo = { ...december, childId: "c-hugo", childName: "Hugo MARTIN" };
    const november = { ...december, month: "2026-11-01" };
    const lines = regularisationLines(
      charges([
        [hugo, 350, 2],
        [november, 350, 5],
      ]),
      charges([
        [december, 350, 1],
        [november, 350, 5],
      ]),
    );
    expect(lines.map((l) => [l.childName, l.month, l.quantity])).toEqual([
      ["Hugo MARTIN", "2026-12-01", 2],
      ["Léa MARTIN", "2026-12-01", -1],
    ]);
  });
});

import { describe, expect, it } from "vitest";
import { bracketPrice, slotPrice, sortedBrackets, type TariffPrices, tariffOn } from "./tariffs";

const schoolYear2026: TariffPrices = {
  validFrom: "2026-09-01",
  // Deliberately unsorted: the settings may store them in any order.
  brackets: [
    { upToQuotient: null, unitCents: 520 },
    { upToQuotient: 600, unitCents: 180 },
    { upToQuotient: 1200, unitCents: 350 },
  ],
  defaultUnitCents: 520,
};
const january2027: TariffPrices = { ...schoolYear2026, validFrom: "2027-01-01", brackets: [], defaultUnitCents: 600 };

describe("tariff choice", () => {
  it("takes the tariff with the latest validFrom on or before the day", () => {
    const tariffs = [january2027, schoolYear2026];
    expect(tariffOn(tariffs, "2026-08-31")).toBeNull();
    expect(tariffOn(tariffs, "2026-09-01")).toBe(schoolYear2026);
    expect(tariffOn(tariffs, "2026-12-31")).toBe(schoolYear2026);
    expect(tariffOn(tariffs, "2027-01-01")).toBe(january2027);
    expect(tariffOn(tariffs, "2027-06-30")).toBe(january2027);
    expect(tariffOn([], "2027-01-04")).toBeNull();
  });

  it("sorts brackets by ceiling, the open one last", () => {
    expect(sortedBrackets(schoolYear2026.brackets).map((b) => b.upToQuotient)).toEqual([600, 1200, null]);
  });

  it("includes the ceiling in its bracket", () => {
    expect(bracketPrice(schoolYear2026, 0)).toEqual({ unitCents: 180, byDefault: false });
    expect(bracketPrice(schoolYear2026, 600)).toEqual({ unitCents: 180, byDefault: false });
    expect(bracketPrice(schoolYear2026, 601)).toEqual({ unitCents: 350, byDefault: false });
    expect(bracketPrice(schoolYear2026, 1200)).toEqual({ unitCents: 350, byDefault: false });
    expect(bracketPrice(schoolYear2026, 1201)).toEqual({ unitCents: 520, byDefault: false });
    expect(bracketPrice(schoolYear2026, 99_999)).toEqual({ unitCents: 520, byDefault: false });
  });

  it("charges the default price when the QF is unknown", () => {
    expect(bracketPrice({ ...schoolYear2026, defaultUnitCents: 555 }, null)).toEqual({
      unitCents: 555,
      byDefault: true,
    });
  });

  it("falls back to the default price above every ceiling of a tariff without an open bracket", () => {
    const closed = { brackets: [{ upToQuotient: 600, unitCents: 180 }], defaultUnitCents: 700 };
    expect(bracketPrice(closed, 601)).toEqual({ unitCents: 700, byDefault: true });
    expect(bracketPrice({ brackets: [], defaultUnitCents: 700 }, 300)).toEqual({ unitCents: 700, byDefault: true });
  });

  it("prices a day, or says there is no tariff", () => {
    expect(slotPrice([schoolYear2026], "2026-10-05", 450)).toEqual({ unitCents: 180, byDefault: false });
    expect(slotPrice([schoolYear2026, january2027], "2027-01-04", 450)).toEqual({ unitCents: 600, byDefault: true });
    expect(slotPrice([schoolYear2026], "2026-08-31", 450)).toBeNull();
    expect(slotPrice([], "2026-10-05", 450)).toBeNull();
  });
});

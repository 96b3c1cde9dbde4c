import { describe, expect, it } from "vitest";
import { rangeTitle, stepDate, visibleRange } from "./calendar-view";

describe("planning view and date in the URL", () => {
  it("loads the visible days of each view (weeks start on Monday)", () => {
    expect(visibleRange("jour", "2026-12-03")).toEqual({ from: "2026-12-03", to: "2026-12-03" });
    expect(visibleRange("semaine5", "2026-12-03")).toEqual({ from: "2026-11-30", to: "2026-12-04" });
    expect(visibleRange("semaine", "2026-12-06")).toEqual({ from: "2026-11-30", to: "2026-12-06" });
    expect(visibleRange(null, "2026-12-03")).toEqual({ from: "2026-11-30", to: "2026-12-06" });
    // December 2026 starts on a Tuesday and ends on a Thursday.
    expect(visibleRange("mois", "2026-12-15")).toEqual({ from: "2026-11-30", to: "2027-01-03" });
    // February 2027 starts on a Monday and ends on a Sunday.
    expect(visibleRange("mois", "2027-02-10")).toEqual({ from: "2027-02-01", to: "2027-02-28" });
  });

  it("steps by a day, a week or a month", () => {
    expect(stepDate("jour", "2026-12-31", 1)).toBe("2027-01-01");
    expect(stepDate("semaine5", "2026-12-03", -1)).toBe("2026-11-26");
    expect(stepDate("mois", "2026-12-31", 1)).toBe("2027-01-01");
    expect(stepDate("mois", "2026-03-31", -1)).toBe("2026-02-01");
  });

  it("titles the range in French", () => {
    expect(rangeTitle("jour", "2026-12-03")).toBe("jeudi 3 décembre 2026");
    expect(rangeTitle("semaine5", "2026-12-03")).toBe("30 nov. – 4 déc. 2026");
    expect(rangeTitle("semaine5", "2026-01-07")).toBe("5 – 9 janv. 2026");
    expect(rangeTitle("semaine", "2026-12-31")).toBe("28 déc. 2026 – 3 janv. 2027");
    expect(rangeTitle("mois", "2026-12-03")).toBe("décembre 2026");
  });
});

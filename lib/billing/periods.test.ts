import { describe, expect, it } from "vitest";
import {
  addMonths,
  capitalizedMonthLabel,
  dueDate,
  emissionCode,
  lastDayOf,
  monthLabel,
  monthOf,
  monthValue,
  parseMonthValue,
  previousMonth,
  recentMonths,
  yearOf,
} from "./periods";

describe("billing periods", () => {
  it("finds a day's month and moves by months across years", () => {
    expect(monthOf("2027-01-31")).toBe("2027-01-01");
    expect(addMonths("2027-01-01", 1)).toBe("2027-02-01");
    expect(addMonths("2026-12-01", 1)).toBe("2027-01-01");
    expect(addMonths("2027-01-01", -1)).toBe("2026-12-01");
    expect(addMonths("2027-03-01", -14)).toBe("2026-01-01");
    expect(addMonths("2027-03-01", 0)).toBe("2027-03-01");
  });

  it("knows the last day of each month, leap years included", () => {
    expect(lastDayOf("2027-01-01")).toBe("2027-01-31");
    expect(lastDayOf("2027-02-01")).toBe("2027-02-28");
    expect(lastDayOf("2028-02-01")).toBe("2028-02-29");
    expect(lastDayOf("2026-12-01")).toBe("2026-12-31");
    expect(lastDayOf("2027-04-01")).toBe("2027-04-30");
  });

  it("invoices the previous month by default, December when run in January", () => {
    expect(previousMonth("2027-02-03")).toBe("2027-01-01");
    expect(previousMonth("2027-01-01")).toBe("2026-12-01");
    expect(previousMonth("2027-01-31")).toBe("2026-12-01");
  });

  it("names months in French", () => {
    expect(monthLabel("2027-01-01")).toBe("janvier 2027");
    expect(monthLabel("2026-08-01")).toBe("août 2026");
    expect(capitalizedMonthLabel("2026-12-01")).toBe("Décembre 2026");
  });

  it("reads a month from a form, refusing anything else", () => {
    expect(parseMonthValue("2027-01")).toBe("2027-01-01");
    expect(monthValue("2027-01-01")).toBe("2027-01");
    for (const bad of ["2027-13", "2027-00", "2027-1", "27-01", "2027-01-01", "", "9999-01", "1899-12"])
      expect(parseMonthValue(bad), bad).toBeNull();
  });

  it("offers the current month and those before it", () => {
    expect(recentMonths("2027-01-11", 3)).toEqual(["2027-01-01", "2026-12-01", "2026-11-01"]);
  });

  it("builds the code émission from the month invoiced and the régie", () => {
    expect(emissionCode("2027-01-01", "ENF")).toBe("2027-01-ENF");
  });

  it("dates the due day in calendar days and numbers by the year of issue", () => {
    expect(dueDate("2027-01-11", 20)).toBe("2027-01-31");
    expect(dueDate("2026-12-20", 20)).toBe("2027-01-09");
    expect(dueDate("2027-02-20", 0)).toBe("2027-02-20");
    expect(yearOf("2027-01-05")).toBe(2027);
  });
});

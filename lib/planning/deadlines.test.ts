import { describe, expect, it } from "vitest";
import {
  deadlineDay,
  deadlineInstant,
  describeDeadline,
  isBeforeDeadline,
  isWorkingDay,
  lateAbsenceWarning,
} from "./deadlines";

const noHolidays = new Set<string>();
const jMinus2 = { days: 2, time: "10:00", kind: "working" } as const;

describe("working days", () => {
  it("are Monday to Friday except public holidays", () => {
    expect(isWorkingDay("2026-11-23", noHolidays)).toBe(true); // Monday
    expect(isWorkingDay("2026-11-28", noHolidays)).toBe(false); // Saturday
    expect(isWorkingDay("2026-11-29", noHolidays)).toBe(false); // Sunday
    expect(isWorkingDay("2026-11-11", new Set(["2026-11-11"]))).toBe(false);
  });
});

describe("deadlineDay", () => {
  it("counts working days back, skipping the weekend", () => {
    expect(deadlineDay("2026-11-26", jMinus2, noHolidays)).toBe("2026-11-24"); // Thu → Tue
    expect(deadlineDay("2026-11-30", jMinus2, noHolidays)).toBe("2026-11-26"); // Mon → Thu
    expect(deadlineDay("2026-12-01", jMinus2, noHolidays)).toBe("2026-11-27"); // Tue → Fri
  });

  it("skips public holidays when counting working days", () => {
    // Thursday 12/11/2026: Wed 11/11 (Armistice) does not count → Tue 10, Mon 9.
    expect(deadlineDay("2026-11-12", jMinus2, new Set(["2026-11-11"]))).toBe("2026-11-09");
  });

  it("counts calendar days as they come", () => {
    expect(deadlineDay("2026-11-30", { days: 2, time: "10:00", kind: "calendar" }, noHolidays)).toBe("2026-11-28");
    expect(deadlineDay("2026-11-30", { days: 7, time: "12:00", kind: "calendar" }, noHolidays)).toBe("2026-11-23");
  });

  it("J-0 is the day itself", () => {
    expect(deadlineDay("2026-11-28", { days: 0, time: "09:00", kind: "working" }, noHolidays)).toBe("2026-11-28");
  });
});

describe("the cut-off hour, Paris time", () => {
  it("is exclusive: 09:59 is in time, 10:00 is too late", () => {
    const slot = "2026-11-26";
    expect(isBeforeDeadline(new Date("2026-11-24T08:59:59Z"), slot, jMinus2, noHolidays)).toBe(true); // 09:59:59 CET
    expect(isBeforeDeadline(new Date("2026-11-24T09:00:00Z"), slot, jMinus2, noHolidays)).toBe(false); // 10:00 CET
  });

  it("follows daylight saving time", () => {
    // Summer (CEST, UTC+2) and winter (CET, UTC+1).
    expect(deadlineInstant("2026-06-18", jMinus2, noHolidays).toISOString()).toBe("2026-06-16T08:00:00.000Z");
    expect(deadlineInstant("2026-12-17", jMinus2, noHolidays).toISOString()).toBe("2026-12-15T09:00:00.000Z");
  });

  it("is right on the days the clocks change", () => {
    const sameDay = { days: 0, time: "10:00", kind: "calendar" } as const;
    expect(deadlineInstant("2026-03-29", sameDay, noHolidays).toISOString()).toBe("2026-03-29T08:00:00.000Z"); // CEST from 03:00
    expect(deadlineInstant("2026-10-25", sameDay, noHolidays).toISOString()).toBe("2026-10-25T09:00:00.000Z"); // CET from 03:00
    // A deadline counted back across the change keeps its wall-clock hour.
    expect(deadlineInstant("2026-03-30", { days: 2, time: "10:00", kind: "calendar" }, noHolidays).toISOString()).toBe(
      "2026-03-28T09:00:00.000Z",
    );
  });
});

describe("describeDeadline", () => {
  it("quotes the rule", () => {
    expect(describeDeadline(jMinus2)).toBe("J-2 avant 10:00 (jours ouvrés)");
    expect(describeDeadline({ days: 7, time: "12:00", kind: "calendar" })).toBe("J-7 avant 12:00 (jours calendaires)");
  });
});

describe("lateAbsenceWarning", () => {
  it("says the absence will be billed and until when it would not have been", () => {
    expect(lateAbsenceWarning("2026-11-26", jMinus2, noHolidays)).toBe(
      "Absence hors délai : elle sera facturée. Sans frais, elle devait être déclarée avant le 24/11/2026 à 10:00 (J-2 avant 10:00 (jours ouvrés)).",
    );
  });

  it("names the cut-off across a weekend and a public holiday", () => {
    // Monday 14/12: Fri 11 and Thu 10 count; with Thu a holiday the cut-off moves to Wed 9.
    expect(lateAbsenceWarning("2026-12-14", jMinus2, new Set(["2026-12-10"]))).toContain("avant le 09/12/2026 à 10:00");
  });

  it("counts calendar days when the town does", () => {
    const rule = { days: 1, time: "18:00", kind: "calendar" } as const;
    expect(lateAbsenceWarning("2027-01-01", rule, noHolidays)).toContain(
      "avant le 31/12/2026 à 18:00 (J-1 avant 18:00 (jours calendaires))",
    );
  });

  it("keeps the Paris wall-clock time across the change to summer time", () => {
    // Monday 30/03/2026, the day after the change: cut-off Thursday 26/03 (winter time) at 10:00.
    expect(lateAbsenceWarning("2026-03-30", jMinus2, noHolidays)).toContain("avant le 26/03/2026 à 10:00");
  });
});

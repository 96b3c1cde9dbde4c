import { TZDate } from "@date-fns/tz";
import { describe, expect, it } from "vitest";
import { addDays, eachDay, isoWeekday, PARIS, parisDay, parisTime } from "./days";

/** The same answers from Date, at UTC noon: what the day numbers replace. */
const viaDate = {
  addDays(day: string, n: number) {
    const d = new Date(`${day}T12:00:00Z`);
    d.setUTCDate(d.getUTCDate() + n);
    return d.toISOString().slice(0, 10);
  },
  isoWeekday: (day: string) => new Date(`${day}T12:00:00Z`).getUTCDay() || 7,
};

describe("day arithmetic", () => {
  it("agrees with Date on every day the portal handles, and a year either side", () => {
    const mismatches: string[] = [];
    for (let day = "1899-01-01"; day <= "2101-12-31"; day = viaDate.addDays(day, 1)) {
      if (addDays(day, 1) !== viaDate.addDays(day, 1)) mismatches.push(`${day} + 1`);
      if (addDays(day, -1) !== viaDate.addDays(day, -1)) mismatches.push(`${day} - 1`);
      if (isoWeekday(day) !== viaDate.isoWeekday(day)) mismatches.push(`weekday of ${day}`);
    }
    expect(mismatches).toEqual([]);
  });

  it("crosses months, leap days and centuries", () => {
    expect(addDays("2024-02-28", 1)).toBe("2024-02-29");
    expect(addDays("2023-02-28", 1)).toBe("2023-03-01");
    expect(addDays("1900-02-28", 1)).toBe("1900-03-01"); // 1900 is not a leap year
    expect(addDays("2000-02-28", 1)).toBe("2000-02-29"); // 2000 is
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01");
    expect(addDays("2027-01-01", -1)).toBe("2026-12-31");
    expect(addDays("2026-09-01", 365)).toBe("2027-09-01");
    expect(addDays("2026-09-01", 0)).toBe("2026-09-01");
  });

  it("names the ISO weekday, Monday 1 to Sunday 7", () => {
    expect(isoWeekday("2026-11-30")).toBe(1);
    expect(isoWeekday("2026-12-06")).toBe(7);
    expect(isoWeekday("1970-01-01")).toBe(4);
    expect(isoWeekday("1969-12-31")).toBe(3);
  });

  it("lists the days of a range, both ends included, none when reversed", () => {
    expect(eachDay("2026-12-30", "2027-01-02")).toEqual(["2026-12-30", "2026-12-31", "2027-01-01", "2027-01-02"]);
    expect(eachDay("2026-12-01", "2026-12-01")).toEqual(["2026-12-01"]);
    expect(eachDay("2026-12-02", "2026-12-01")).toEqual([]);
  });
});

describe("parisDay", () => {
  it("changes at midnight in Paris, winter and summer, whichever instant was asked before", () => {
    // Winter (UTC+1): 23:30 UTC is already the next day in Paris.
    expect(parisDay(new Date("2026-03-27T23:30:00Z"))).toBe("2026-03-28");
    expect(parisDay(new Date("2026-03-27T22:59:59Z"))).toBe("2026-03-27");
    expect(parisDay(new Date("2026-03-27T23:00:00Z"))).toBe("2026-03-28");
    // 29 March 2026, clocks go forward at 02:00: that day lasts 23 hours, and the next starts at 22:00 UTC.
    expect(parisDay(new Date("2026-03-29T00:30:00Z"))).toBe("2026-03-29");
    expect(parisDay(new Date("2026-03-29T21:59:59Z"))).toBe("2026-03-29");
    expect(parisDay(new Date("2026-03-29T22:00:00Z"))).toBe("2026-03-30");
    // Back to an instant of the first day.
    expect(parisDay(new Date("2026-03-28T12:00:00Z"))).toBe("2026-03-28");
    // 25 October 2026, clocks go back at 03:00: a 25-hour day.
    expect(parisDay(new Date("2026-10-24T22:00:00Z"))).toBe("2026-10-25");
    expect(parisDay(new Date("2026-10-25T22:59:59Z"))).toBe("2026-10-25");
    expect(parisDay(new Date("2026-10-25T23:00:00Z"))).toBe("2026-10-26");
  });
});

describe("parisDay and parisTime, against the time zone library", () => {
  it("agree with TZDate on an instant every 37 minutes from 2019 to 2031, DST changes included", () => {
    const pad = (n: number) => String(n).padStart(2, "0");
    const mismatches: string[] = [];
    const end = Date.UTC(2031, 0, 1);
    // 37 minutes and 13 seconds: the instants fall on every minute of the hour and on both sides of each change.
    for (let ms = Date.UTC(2019, 0, 1); ms < end; ms += 37 * 60_000 + 13_000) {
      const d = new TZDate(ms, PARIS);
      const day = `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
      const time = `${pad(d.getHours())}:${pad(d.getMinutes())}`;
      const instant = new Date(ms);
      if (parisDay(instant) !== day || parisTime(instant) !== time)
        mismatches.push(`${instant.toISOString()}: ${parisDay(instant)} ${parisTime(instant)}, not ${day} ${time}`);
    }
    expect(mismatches).toEqual([]);
  });

  it("gives the wall clock on each side of a change of offset", () => {
    // 29 March 2026: 00:59:59 UTC is 01:59:59 in Paris, 01:00 UTC is 03:00.
    expect(parisTime(new Date("2026-03-29T00:59:59Z"))).toBe("01:59");
    expect(parisTime(new Date("2026-03-29T01:00:00Z"))).toBe("03:00");
    // 25 October 2026: 00:59 UTC is 02:59 (summer time), 01:00 UTC is 02:00 again (winter time).
    expect(parisTime(new Date("2026-10-25T00:59:00Z"))).toBe("02:59");
    expect(parisTime(new Date("2026-10-25T01:00:00Z"))).toBe("02:00");
    expect(parisTime(new Date("2026-12-31T23:00:00Z"))).toBe("00:00");
    expect(parisDay(new Date("2026-12-31T23:00:00Z"))).toBe("2027-01-01");
  });
});

import { describe, expect, it } from "vitest";
import { addDays, isoWeekday } from "@/lib/planning/days";
import { frenchPublicHolidaysBetween } from "@/lib/planning/public-holidays";
import { rushDays } from "./seed-bench-rush";
import { bookableSchoolYears, schoolYearClosures } from "./seed-planning";

describe("rushDays", () => {
  it("takes the first five canteen days a week ahead, from 1 December 2026", () => {
    // Wednesday 9 December has no canteen.
    expect(rushDays("2026-12-01")).toEqual(["2026-12-08", "2026-12-10", "2026-12-11", "2026-12-14", "2026-12-15"]);
  });

  it.each(["2026-12-14", "2027-04-20", "2027-06-28"])("skips holidays and closures, from %s", (today) => {
    const days = rushDays(today);
    const closed = new Map(bookableSchoolYears(today).flatMap((y) => [...schoolYearClosures(y)]));
    const holidays = new Set(frenchPublicHolidaysBetween(today, days.at(-1)!).map((h) => h.date));
    expect(days).toHaveLength(5);
    expect([...days].sort()).toEqual(days);
    for (const day of days) {
      expect(day >= addDays(today, 7)).toBe(true);
      expect([1, 2, 4, 5]).toContain(isoWeekday(day));
      expect(closed.has(day) || holidays.has(day)).toBe(false);
    }
  });
});

import { describe, expect, it } from "vitest";
import { ageGroupAt, ageInMonths } from "./age-groups";

describe("ageInMonths", () => {
  it("counts a month on the same day of the month, not the day before", () => {
    expect(ageInMonths("2026-03-15", "2026-04-14")).toBe(0);
    expect(ageInMonths("2026-03-15", "2026-04-15")).toBe(1);
    expect(ageInMonths("2026-03-15", "2027-03-14")).toBe(11);
    expect(ageInMonths("2026-03-15", "2027-03-15")).toBe(12);
  });

  it("completes a month on the last day of a shorter month", () => {
    expect(ageInMonths("2026-01-31", "2026-02-27")).toBe(0);
    expect(ageInMonths("2026-01-31", "2026-02-28")).toBe(1);
    expect(ageInMonths("2027-01-31", "2028-02-29")).toBe(13);
    expect(ageInMonths("2026-08-31", "2026-09-30")).toBe(1);
  });

  it("is zero on the day of birth", () => {
    expect(ageInMonths("2027-05-02", "2027-05-02")).toBe(0);
  });
});

describe("ageGroupAt", () => {
  it("puts a child in bébés until the first birthday", () => {
    expect(ageGroupAt("2026-09-01", "2026-09-01")).toBe("bebes");
    expect(ageGroupAt("2026-09-01", "2027-08-31")).toBe("bebes");
    expect(ageGroupAt("2026-09-01", "2027-09-01")).toBe("moyens");
  });

  it("puts a child in moyens until the second birthday, then grands", () => {
    expect(ageGroupAt("2025-09-01", "2027-08-31")).toBe("moyens");
    expect(ageGroupAt("2025-09-01", "2027-09-01")).toBe("grands");
  });

  it("refuses a start before the (expected) birth or from the fourth birthday", () => {
    expect(ageGroupAt("2027-05-10", "2027-05-09")).toBeNull();
    expect(ageGroupAt("2023-09-01", "2027-08-31")).toBe("grands");
    expect(ageGroupAt("2023-09-01", "2027-09-01")).toBeNull();
  });

  it("handles a child born on 29 February", () => {
    expect(ageGroupAt("2024-02-29", "2025-02-28")).toBe("moyens");
    expect(ageGroupAt("2024-02-29", "2025-02-27")).toBe("bebes");
  });
});

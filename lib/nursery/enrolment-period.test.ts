import { describe, expect, it } from "vitest";
import { nurseryEnrolmentEnd } from "./enrolment-period";

describe("nurseryEnrolmentEnd", () => {
  it("ends on the 31 August of the year the child turns 3", () => {
    expect(nurseryEnrolmentEnd("2027-03-15", "2027-09-01")).toBe("2030-08-31");
    expect(nurseryEnrolmentEnd("2026-12-31", "2027-01-11")).toBe("2029-08-31");
    expect(nurseryEnrolmentEnd("2027-01-01", "2027-06-01")).toBe("2030-08-31");
  });

  it("keeps a child starting after that day until the end of its start's school year", () => {
    expect(nurseryEnrolmentEnd("2024-01-10", "2027-09-06")).toBe("2028-08-31");
    expect(nurseryEnrolmentEnd("2024-01-10", "2027-08-31")).toBe("2027-08-31");
    expect(nurseryEnrolmentEnd("2024-01-10", "2028-02-01")).toBe("2028-08-31");
  });
});

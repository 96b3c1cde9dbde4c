import { describe, expect, it } from "vitest";
import {
  addMonthsToDay,
  defaultExpiryDate,
  documentDisplayState,
  isExpiryReminderDue,
  isRetentionOver,
  isToProvide,
} from "./rules";

describe("documentDisplayState", () => {
  const today = "2027-03-15";
  it("is missing without a current document, or when only a replaced one is passed", () => {
    expect(documentDisplayState(null, today)).toBe("missing");
    expect(documentDisplayState({ state: "replaced", expiresOn: null }, today)).toBe("missing");
  });
  it("keeps pending and refused as they are", () => {
    expect(documentDisplayState({ state: "pending", expiresOn: null }, today)).toBe("pending");
    expect(documentDisplayState({ state: "refused", expiresOn: "2020-01-01" }, today)).toBe("refused");
  });
  it("a validated document is still valid on its expiry day and expired the day after", () => {
    expect(documentDisplayState({ state: "validated", expiresOn: "2027-03-15" }, today)).toBe("validated");
    expect(documentDisplayState({ state: "validated", expiresOn: "2027-03-14" }, today)).toBe("expired");
    expect(documentDisplayState({ state: "validated", expiresOn: null }, today)).toBe("validated");
  });
});

describe("isToProvide", () => {
  it("counts missing, refused and expired only", () => {
    expect(["missing", "refused", "expired"].every((s) => isToProvide(s as never))).toBe(true);
    expect(isToProvide("pending")).toBe(false);
    expect(isToProvide("validated")).toBe(false);
  });
});

describe("defaultExpiryDate", () => {
  it("adds the type's validity in calendar months", () => {
    expect(defaultExpiryDate("2027-03-15", 12)).toBe("2028-03-15");
    expect(defaultExpiryDate("2027-11-30", 3)).toBe("2028-02-29");
  });
  it("is end-of-month safe: 31 January + 1 month is the last day of February", () => {
    expect(defaultExpiryDate("2027-01-31", 1)).toBe("2027-02-28");
    expect(defaultExpiryDate("2028-01-31", 1)).toBe("2028-02-29");
    expect(defaultExpiryDate("2027-03-31", 1)).toBe("2027-04-30");
    expect(defaultExpiryDate("2028-02-29", 12)).toBe("2029-02-28");
  });
  it("is null when the type does not expire", () => {
    expect(defaultExpiryDate("2027-01-31", null)).toBeNull();
  });
  it("crosses years both ways", () => {
    expect(addMonthsToDay("2026-12-31", 2)).toBe("2027-02-28");
    expect(addMonthsToDay("2027-01-15", -1)).toBe("2026-12-15");
  });
});

describe("isExpiryReminderDue", () => {
  const today = "2027-01-31";
  it("is due from today to today + 1 month, both included", () => {
    expect(isExpiryReminderDue("2027-01-31", today)).toBe(true);
    expect(isExpiryReminderDue("2027-02-28", today)).toBe(true);
    expect(isExpiryReminderDue("2027-03-01", today)).toBe(false);
    expect(isExpiryReminderDue("2027-01-30", today)).toBe(false);
  });
  it("never for a document without expiry", () => {
    expect(isExpiryReminderDue(null, today)).toBe(false);
  });
});

describe("isRetentionOver", () => {
  const closedAt = new Date("2025-01-31T10:00:00Z");
  it("is over exactly retentionMonths calendar months after closing, not a moment before", () => {
    expect(isRetentionOver(closedAt, 24, new Date("2027-01-31T09:59:59Z"))).toBe(false);
    expect(isRetentionOver(closedAt, 24, new Date("2027-01-31T10:00:00Z"))).toBe(true);
  });
  it("clamps to the month's end (31 January + 1 month = 28 February)", () => {
    expect(isRetentionOver(closedAt, 1, new Date("2025-02-28T09:00:00Z"))).toBe(false);
    expect(isRetentionOver(closedAt, 1, new Date("2025-02-28T10:00:00Z"))).toBe(true);
  });
  it("honours the bounds of the setting (1 and 120 months)", () => {
    expect(isRetentionOver(closedAt, 120, new Date("2035-01-30T23:00:00Z"))).toBe(false);
    expect(isRetentionOver(closedAt, 120, new Date("2035-01-31T10:00:00Z"))).toBe(true);
  });
});

import { describe, expect, it } from "vitest";
import { parisInstant } from "@/lib/planning/days";
import { addMonthsToDay, confirmationStatus, isOfferOpen, offerExpiresAt, offerLastDay } from "./deadlines";

describe("addMonthsToDay", () => {
  it("keeps the day of the month, or the last day of a shorter month", () => {
    expect(addMonthsToDay("2027-01-11", 3)).toBe("2027-04-11");
    expect(addMonthsToDay("2026-11-30", 3)).toBe("2027-02-28");
    expect(addMonthsToDay("2027-11-30", 3)).toBe("2028-02-29");
    expect(addMonthsToDay("2026-10-31", 2)).toBe("2026-12-31");
    expect(addMonthsToDay("2026-12-31", 1)).toBe("2027-01-31");
  });
});

describe("confirmationStatus (three months)", () => {
  const confirmedAt = parisInstant("2027-01-11", "08:00");
  const status = (day: string, time = "12:00") =>
    confirmationStatus({ confirmedAt, months: 3, now: parisInstant(day, time) });

  it("is up to date until 15 days before the due day", () => {
    expect(status("2027-03-26")).toEqual({ dueOn: "2027-04-11", state: "up_to_date" });
  });

  it("asks for the reminder from 15 days before, up to the due day included", () => {
    expect(status("2027-03-27", "00:00").state).toBe("reminder_due");
    expect(status("2027-04-11", "23:59").state).toBe("reminder_due");
  });

  it("has lapsed from the day after the due day", () => {
    expect(status("2027-04-12", "00:00").state).toBe("lapsed");
  });

  it("counts Paris days: a confirmation late in the evening belongs to that Paris day", () => {
    const lateEvening = parisInstant("2027-01-31", "23:30");
    expect(confirmationStatus({ confirmedAt: lateEvening, months: 3, now: lateEvening }).dueOn).toBe("2027-04-30");
  });
});

describe("offer acceptance delay", () => {
  it("ends at midnight after the last day, Paris time", () => {
    const offeredAt = parisInstant("2027-01-11", "15:00");
    const expiresAt = offerExpiresAt(offeredAt, 8);
    expect(expiresAt).toEqual(parisInstant("2027-01-20", "00:00"));
    expect(offerLastDay(expiresAt)).toBe("2027-01-19");
    expect(isOfferOpen(expiresAt, parisInstant("2027-01-19", "23:59"))).toBe(true);
    expect(isOfferOpen(expiresAt, parisInstant("2027-01-20", "00:00"))).toBe(false);
  });

  it("keeps whole Paris days across the change to summer time", () => {
    const expiresAt = offerExpiresAt(parisInstant("2027-03-25", "10:00"), 8);
    expect(expiresAt.toISOString()).toBe("2027-04-02T22:00:00.000Z");
    expect(offerLastDay(expiresAt)).toBe("2027-04-02");
  });
});

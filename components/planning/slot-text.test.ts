import { describe, expect, it } from "vitest";
import type { PlanningSlot } from "@/lib/bookings/types";
import { slotAccessibleName, slotStateIcon, slotStateText } from "./slot-text";

const slot = (state: PlanningSlot["state"], justified = false): PlanningSlot => ({
  key: "c:a:2027-01-12",
  bookingId: "b",
  childId: "c",
  activityId: "a",
  day: "2027-01-12",
  startTime: "11:30",
  endTime: "13:20",
  state,
  action: null,
  blockedReason: null,
  warning: null,
  requestReference: null,
  justified,
});

describe("a justified absence on the planning", () => {
  it("says so in words and with its own mark, not by colour alone", () => {
    expect(slotStateText(slot("absent", true))).toBe("Absence justifiée");
    expect(slotStateText(slot("absence_requested", true))).toBe("Absence demandée – Absence justifiée");
    expect(slotStateIcon(slot("absent", true))).toBe("✚");
    const event = {
      slot: slot("absent", true),
      child: { id: "c", firstName: "Léa", lastName: "MARTIN", color: "#000" },
      activity: {
        id: "a",
        label: "2/Repas Sco",
        facility: "École",
        color: "#000",
        startTime: "11:30",
        endTime: "13:20",
      },
    };
    expect(slotAccessibleName(event)).toBe("Léa, 2/Repas Sco, mardi 12/01/2027, 11:30 – 13:20 : Absence justifiée");
  });

  it("says nothing of a certificate on a day that is no absence (its absence refused, booked again)", () => {
    expect(slotStateText(slot("booked", true))).toBe("Réservé / présent");
    expect(slotStateIcon(slot("booked", true))).toBe("✓");
  });

  it("leaves an absence without certificate as it was", () => {
    expect(slotStateText(slot("absent", false))).toBe("Absent");
    expect(slotStateText(slot("absent"))).toBe("Absent");
    expect(slotStateIcon(slot("absent_billed", false))).toBe("€");
  });
});

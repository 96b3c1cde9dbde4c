import { describe, expect, it } from "vitest";
import type { PlanningData, PlanningSlot } from "@/lib/bookings/types";
import { packPlanning, unpackPlanning } from "./packed-planning";

const activity = (id: string, startTime: string) => ({
  id,
  label: `Activité ${id}`,
  facility: "École",
  color: "#000",
  startTime,
  endTime: "18:00",
});
const slot = (childId: string, activityId: string, day: string, more: Partial<PlanningSlot> = {}): PlanningSlot => ({
  key: `${childId}:${activityId}:${day}`,
  bookingId: null,
  childId,
  activityId,
  day,
  startTime: activityId === "soir" ? "16:30" : "11:30",
  endTime: "18:00",
  state: "enrolled",
  action: "book",
  blockedReason: null,
  warning: null,
  requestReference: null,
  justified: false,
  ...more,
});

const late = "Délai dépassé : les réservations pour ce jour étaient possibles jusqu'au 09/01/2027 à 10:00";
const data: PlanningData = {
  from: "2027-01-11",
  to: "2027-01-17",
  children: [
    { id: "lea", firstName: "Léa", lastName: "MARTIN", color: "#1d4ed8" },
    { id: "zoe", firstName: "Zoé", lastName: "MARTIN", color: "#b91c1c" },
  ],
  activities: [activity("soir", "16:30"), activity("repas", "11:30")],
  slots: [
    slot("lea", "soir", "2027-01-11", { blockedReason: late }),
    slot("zoe", "soir", "2027-01-11", { blockedReason: late }),
    slot("zoe", "repas", "2027-01-12", {
      bookingId: "b1",
      state: "absence_requested",
      action: "cancel",
      requestReference: "D2027-000012",
      justified: true,
    }),
    slot("lea", "repas", "2027-01-13", {
      bookingId: "b2",
      state: "booked",
      action: "absence",
      warning: "Cette absence sera facturée.",
    }),
    slot("lea", "repas", "2027-01-14", { state: "waiting", action: null, bookingId: "b3" }),
  ],
  dayNotes: [{ day: "2027-01-15", kind: "closure", label: "Fermeture" }],
};

describe("packPlanning / unpackPlanning", () => {
  it("gives back every slot as loadPlanning made it", () => {
    expect(unpackPlanning(packPlanning(data))).toEqual(data);
  });

  it("sends a sentence repeated on many days once", () => {
    const packed = packPlanning(data);
    expect(packed.texts).toEqual([late, "Cette absence sera facturée."]);
    expect(JSON.stringify(packed).split(late)).toHaveLength(2);
  });

  it("is much smaller than the slots' objects", () => {
    expect(JSON.stringify(packPlanning(data)).length).toBeLessThan(JSON.stringify(data).length * 0.7);
  });

  it("leaves out a slot whose child or activity is not listed", () => {
    const ghost = { ...data, slots: [...data.slots, slot("ghost", "soir", "2027-01-11")] };
    expect(unpackPlanning(packPlanning(ghost)).slots).toEqual(data.slots);
  });
});

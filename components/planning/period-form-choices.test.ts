import { describe, expect, it } from "vitest";
import type { EnrolmentChoice } from "@/lib/bookings/types";
import { activitiesOf, childOptionsOf, enrolmentOf, soleActivityOf } from "./period-form-choices";

const choice = (childId: string, activityId: string, startsOn: string, endsOn: string): EnrolmentChoice => ({
  childId,
  childName: `Enfant ${childId}`,
  activityId,
  activityLabel: `Activité ${activityId}`,
  facility: "École",
  startsOn,
  endsOn,
  weekdays: [1, 2, 4, 5],
  startTime: "07:30",
  endTime: "08:30",
});

const choices = [
  choice("lea", "cantine", "2027-01-04", "2027-08-31"),
  choice("lea", "cantine", "2026-09-01", "2026-12-18"),
  choice("lea", "garderie", "2026-09-01", "2027-08-31"),
  choice("hugo", "cantine", "2026-09-01", "2027-08-31"),
];

describe("period form choices", () => {
  it("offers each child and each of its activities once", () => {
    expect(childOptionsOf(choices)).toEqual([
      { value: "lea", label: "Enfant lea" },
      { value: "hugo", label: "Enfant hugo" },
    ]);
    expect(activitiesOf(choices, "lea").map((c) => c.activityId)).toEqual(["cantine", "garderie"]);
  });

  it("chooses the activity only for a child that has one", () => {
    expect(soleActivityOf(choices, "hugo")).toBe("cantine");
    expect(soleActivityOf(choices, "lea")).toBe("");
    expect(soleActivityOf(choices, "")).toBe("");
  });

  it("spans every period of the enrolment, in order", () => {
    const enrolment = enrolmentOf(choices, "lea", "cantine");
    expect(enrolment?.periods.map((p) => p.startsOn)).toEqual(["2026-09-01", "2027-01-04"]);
    expect([enrolment?.startsOn, enrolment?.endsOn]).toEqual(["2026-09-01", "2027-08-31"]);
    expect(enrolmentOf(choices, "hugo", "garderie")).toBeNull();
  });
});

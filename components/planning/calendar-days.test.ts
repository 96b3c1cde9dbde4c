import { describe, expect, it } from "vitest";
import type { PlanningData, PlanningSlot } from "@/lib/bookings/types";
import { dayLinkName, eventsByDay, notesByDay, viewWeeks } from "./calendar-days";

const child = (id: string, firstName: string) => ({ id, firstName, lastName: "MARTIN", color: "#1d4ed8" });
const activity = (id: string, label: string, startTime: string) => ({
  id,
  label,
  facility: "École",
  color: "#000",
  startTime,
  endTime: "18:00",
});
const slot = (childId: string, activityId: string, day: string, startTime: string): PlanningSlot => ({
  key: `${childId}:${activityId}:${day}`,
  bookingId: null,
  childId,
  activityId,
  day,
  startTime,
  endTime: "18:00",
  state: "enrolled",
  action: "book",
  blockedReason: null,
  warning: null,
  requestReference: null,
  justified: false,
});

describe("viewWeeks", () => {
  it("draws a month in whole weeks from the Monday before the 1st to the Sunday after the last day", () => {
    const weeks = viewWeeks("mois", "2027-01-11");
    expect(weeks).toHaveLength(5);
    expect(weeks[0]![0]).toBe("2026-12-28");
    expect(weeks.at(-1)!.at(-1)).toBe("2027-01-31");
    expect(weeks.every((w) => w.length === 7)).toBe(true);
  });

  it("draws a month starting on a Monday without an empty first week", () => {
    expect(viewWeeks("mois", "2027-02-15")).toHaveLength(4); // 1–28 February 2027, Monday to Sunday
  });

  it("draws the week, the school week and the day in one row", () => {
    expect(viewWeeks("semaine", "2027-01-13")).toEqual([
      ["2027-01-11", "2027-01-12", "2027-01-13", "2027-01-14", "2027-01-15", "2027-01-16", "2027-01-17"],
    ]);
    expect(viewWeeks("semaine5", "2027-01-17")[0]).toHaveLength(5);
    expect(viewWeeks("jour", "2027-01-13")).toEqual([["2027-01-13"]]);
  });
});

describe("eventsByDay", () => {
  const data: PlanningData = {
    from: "2027-01-11",
    to: "2027-01-12",
    children: [child("lea", "Léa"), child("zoe", "Zoé")],
    activities: [activity("soir", "3/Péri SOIR", "16:30"), activity("repas", "2/Repas Sco", "11:30")],
    slots: [
      slot("zoe", "soir", "2027-01-11", "16:30"),
      slot("lea", "soir", "2027-01-11", "16:30"),
      slot("zoe", "repas", "2027-01-11", "11:30"),
      slot("lea", "repas", "2027-01-12", "11:30"),
      slot("ghost", "repas", "2027-01-12", "11:30"),
    ],
    dayNotes: [],
  };

  it("orders a day by hour, then by child as the planning lists them", () => {
    const byDay = eventsByDay(data);
    expect(byDay.get("2027-01-11")!.map((e) => `${e.child.firstName} ${e.activity.label}`)).toEqual([
      "Zoé 2/Repas Sco",
      "Léa 3/Péri SOIR",
      "Zoé 3/Péri SOIR",
    ]);
  });

  it("leaves out a slot whose child or activity is not loaded", () => {
    expect(eventsByDay(data).get("2027-01-12")).toHaveLength(1);
    expect(eventsByDay(data).get("2027-01-13")).toBeUndefined();
  });
});

describe("the day's link", () => {
  const [repas] = eventsByDay({
    from: "2027-01-11",
    to: "2027-01-11",
    children: [child("lea", "Léa")],
    activities: [activity("repas", "2/Repas Sco", "11:30")],
    slots: [slot("lea", "repas", "2027-01-11", "11:30")],
    dayNotes: [],
  }).get("2027-01-11")!;

  it("names the day, its holidays or closures and how many slots it holds", () => {
    expect(dayLinkName("2027-01-11", [repas!], [])).toBe("lundi 11/01/2027, 1 créneau : afficher la journée");
    expect(dayLinkName("2027-01-11", [repas!, repas!], [])).toContain(", 2 créneaux :");
    const notes = notesByDay([
      { day: "2027-01-01", kind: "public_holiday", label: "Jour de l'an" },
      { day: "2027-01-01", kind: "school_holiday", label: "Vacances de Noël" },
    ]);
    expect(dayLinkName("2027-01-01", [], notes.get("2027-01-01")!)).toBe(
      "vendredi 01/01/2027, Jour de l'an, Vacances de Noël, aucun créneau : afficher la journée",
    );
  });
});

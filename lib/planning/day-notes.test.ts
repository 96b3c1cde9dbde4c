import { describe, expect, it } from "vitest";
import { type ClosedDay, dayNotes } from "./day-notes";

const repas = "repas-id";
const activityLabels = new Map([[repas, "2/Repas Sco"]]);
const notes = (from: string, to: string, closedDays: ClosedDay[]) => dayNotes({ from, to, closedDays, activityLabels });

describe("dayNotes", () => {
  it("labels the public holidays even when the town did not enter them", () => {
    expect(notes("2026-12-28", "2027-01-03", [])).toEqual([
      { day: "2027-01-01", kind: "public_holiday", label: "Jour de l'an" },
    ]);
  });

  it("keeps the town's own label for a public holiday it entered, without repeating the computed one", () => {
    const entered = { date: "2027-01-01", kind: "public_holiday", label: "Nouvel an", activityId: null } as const;
    expect(notes("2027-01-01", "2027-01-01", [entered])).toEqual([
      { day: "2027-01-01", kind: "public_holiday", label: "Nouvel an" },
    ]);
  });

  it("shows school holidays and closures in date order, holidays first on a shared day", () => {
    const closedDays: ClosedDay[] = [
      { date: "2027-01-01", kind: "school_holiday", label: "Vacances de Noël", activityId: null },
      { date: "2026-12-31", kind: "school_holiday", label: "Vacances de Noël", activityId: null },
      { date: "2027-01-01", kind: "closure", label: "Grève", activityId: repas },
    ];
    expect(notes("2026-12-31", "2027-01-01", closedDays)).toEqual([
      { day: "2026-12-31", kind: "school_holiday", label: "Vacances de Noël" },
      { day: "2027-01-01", kind: "public_holiday", label: "Jour de l'an" },
      { day: "2027-01-01", kind: "school_holiday", label: "Vacances de Noël" },
      { day: "2027-01-01", kind: "closure", label: "Grève (2/Repas Sco)" },
    ]);
  });

  it("names an activity's closure after it and leaves out the closures of activities not shown", () => {
    const closedDays: ClosedDay[] = [
      { date: "2027-01-12", kind: "closure", label: "Grève du personnel de restauration", activityId: repas },
      { date: "2027-01-12", kind: "closure", label: "Travaux", activityId: "other-activity" },
    ];
    expect(notes("2027-01-11", "2027-01-15", closedDays)).toEqual([
      { day: "2027-01-12", kind: "closure", label: "Grève du personnel de restauration (2/Repas Sco)" },
    ]);
  });

  it("ignores the closures outside the range (loaded further back for the deadlines) and duplicates", () => {
    const closedDays: ClosedDay[] = [
      { date: "2026-11-11", kind: "public_holiday", label: "Armistice 1918", activityId: null },
      { date: "2027-01-13", kind: "closure", label: "Sortie", activityId: null },
      { date: "2027-01-13", kind: "closure", label: "Sortie", activityId: null },
    ];
    expect(notes("2027-01-11", "2027-01-15", closedDays)).toEqual([
      { day: "2027-01-13", kind: "closure", label: "Sortie" },
    ]);
  });

  it("has nothing to say on an ordinary week or an empty range", () => {
    expect(notes("2027-01-11", "2027-01-17", [])).toEqual([]);
    expect(notes("2027-01-17", "2027-01-11", [])).toEqual([]);
  });
});

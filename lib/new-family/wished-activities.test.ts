import { describe, expect, it } from "vitest";
import { type ActivityChoice, activityForWish } from "./wished-activities";

const activity = (name: string, facility: string, category: string, startTime: string, weekdays = [1, 2, 4, 5]) =>
  ({ id: name, name, facility, category, weekdays, startTime }) satisfies ActivityChoice;

const town = [
  activity("Péri SOIR", "École élémentaire Jules Ferry", "periscolaire", "16:30"),
  activity("Péri MATIN", "École élémentaire Jules Ferry", "periscolaire", "07:30"),
  activity("Cantine", "Groupe scolaire Victor Hugo", "restauration", "11:45"),
  activity("Repas Sco", "Restaurant scolaire Jules Ferry", "restauration", "11:30"),
  activity("Mercredi Loisirs", "Centre de loisirs Les Tilleuls", "loisirs", "08:00", [3]),
  activity("Étude surveillée", "École élémentaire Jules Ferry", "etude", "16:30"),
];

describe("the activity a wished service means", () => {
  it("maps each service to an activity of its kind: morning and evening by the start time", () => {
    expect(activityForWish("matin", null, town)?.name).toBe("Péri MATIN");
    expect(activityForWish("soir", null, town)?.name).toBe("Péri SOIR");
    expect(activityForWish("mercredi", null, town)?.name).toBe("Mercredi Loisirs");
  });

  it("prefers the child's school, whatever its accents and case, else the first by name", () => {
    expect(activityForWish("cantine", "victor hugo", town)?.name).toBe("Cantine");
    expect(activityForWish("cantine", "Jules-Ferry", town)?.name).toBe("Cantine");
    expect(activityForWish("cantine", "jules ferry", town)?.name).toBe("Repas Sco");
    expect(activityForWish("cantine", null, town)?.name).toBe("Cantine");
  });

  it("finds nothing when the commune runs no activity of that kind", () => {
    expect(
      activityForWish(
        "mercredi",
        null,
        town.filter((a) => a.category !== "loisirs"),
      ),
    ).toBeNull();
    expect(activityForWish("matin", null, [])).toBeNull();
  });
});

import { describe, expect, it } from "vitest";
import { todayInParis } from "@/lib/clock";
import { addDays } from "@/lib/planning/days";
import { addMonthsToDay } from "./deadlines";
import {
  CHILD_TOO_OLD,
  type NurseryApplicationInput,
  nurseryApplicationFormSchema,
  nurseryApplicationObject,
  nurseryFormDefaults,
  START_BEFORE_BIRTH,
  scheduleOf,
  submitNurseryApplicationSchema,
  UNBORN_CHILD,
  wishesOf,
} from "./schemas";

const today = todayInParis();
const guardianId = "6f1c1a52-9a51-4a8e-9a4e-0b7f6f1f2c3d";
const structures = ["0b7f6f1f-2c3d-4a8e-9a4e-6f1c1a529a51", "1c1a529a-51aa-4a8e-9a4e-0b7f6f1f2c3d"] as const;

/** A valid form as the browser holds it: a child to be born, regular care on Monday. */
function valid(overrides: Partial<NurseryApplicationInput> = {}): NurseryApplicationInput {
  const base = nurseryFormDefaults([{ id: guardianId }]);
  return {
    ...base,
    guardians: [{ guardianId, situation: "en_activite", employer: "" }],
    child: UNBORN_CHILD,
    expectedBirthOn: addDays(today, 60),
    careType: "regulier",
    days: base.days!.map((d, i) => ({ ...d, selected: i === 0 })),
    desiredStartOn: addMonthsToDay(today, 6),
    choice1: structures[0],
    ...overrides,
  };
}

/** The messages of the form's issues, by field path. */
function issues(input: unknown, schema = nurseryApplicationObject): Record<string, string[]> {
  const result = schema.safeParse(input);
  const found: Record<string, string[]> = {};
  for (const issue of result.error?.issues ?? []) {
    const path = issue.path.join(".");
    found[path] = [...(found[path] ?? []), issue.message];
  }
  return found;
}

describe("the nursery application form's rules", () => {
  it("takes a complete application", () => {
    expect(issues(valid())).toEqual({});
  });

  it("asks each guardian's situation, the child, the care and the first structure", () => {
    const found = issues(nurseryFormDefaults([{ id: guardianId }]));
    expect(found).toMatchObject({
      "guardians.0.situation": ["Choisissez la situation professionnelle."],
      child: ["Choisissez l'enfant."],
      careType: ["Choisissez le type de garde."],
      choice1: ["Choisissez au moins une structure (choix n°1)."],
    });
  });

  it("wants a birth expected within nine months, and a start after it", () => {
    expect(issues(valid({ expectedBirthOn: addDays(today, -1) }))).toEqual({
      expectedBirthOn: ["La date prévue de naissance ne peut pas être passée."],
    });
    expect(issues(valid({ expectedBirthOn: addMonthsToDay(today, 10) }))).toEqual({
      expectedBirthOn: ["La date prévue de naissance doit être dans les 9 prochains mois."],
    });
    expect(issues(valid({ desiredStartOn: addDays(today, 30) }))).toEqual({ desiredStartOn: [START_BEFORE_BIRTH] });
    expect(issues(valid({ desiredStartOn: addDays(today, -1) }))).toEqual({
      desiredStartOn: ["La date d'entrée souhaitée ne peut pas être passée."],
    });
  });

  it("refuses a child of the file aged 4 or more at the start date (browser's schema)", () => {
    const childId = "9a51aa52-6f1c-4a8e-9a4e-0b7f6f1f2c3d";
    const schema = nurseryApplicationFormSchema([{ id: childId, birthDate: addMonthsToDay(today, -45) }]);
    const form = valid({ child: childId, expectedBirthOn: "" });
    expect(issues({ ...form, desiredStartOn: addMonthsToDay(today, 2) }, schema)).toEqual({});
    expect(issues({ ...form, desiredStartOn: addMonthsToDay(today, 4) }, schema)).toEqual({
      desiredStartOn: [CHILD_TOO_OLD],
    });
  });

  it("keeps the regular care's hours within 07:30–18:30, departure after arrival, one day at least", () => {
    const days = (start: string, end: string) =>
      valid().days!.map((d, i) => (i === 2 ? { selected: true, start, end } : d));
    expect(issues(valid({ days: days("07:00", "12:00") }))).toEqual({
      "days.2.start": ["L'heure d'arrivée doit être entre 07:30 et 18:30."],
    });
    expect(issues(valid({ days: days("09:00", "19:00") }))).toEqual({
      "days.2.end": ["L'heure de départ doit être entre 07:30 et 18:30."],
    });
    expect(issues(valid({ days: days("12:00", "09:00") }))).toEqual({
      "days.2.end": ["L'heure de départ doit suivre l'heure d'arrivée."],
    });
    const none = valid().days!.map((d) => ({ ...d, selected: false }));
    expect(issues(valid({ days: none }))).toEqual({ days: ["Cochez au moins un jour d'accueil."] });
    // Occasional care: no days asked, none kept.
    expect(issues(valid({ careType: "occasionnel", days: none }))).toEqual({});
    expect(scheduleOf({ careType: "occasionnel", days: [{ selected: true, start: "08:00", end: "12:00" }] })).toEqual(
      [],
    );
  });

  it("wants distinct structures, in order", () => {
    expect(issues(valid({ choice2: structures[0] }))).toEqual({
      choice2: ["Choisissez une structure différente des autres choix."],
    });
    expect(issues(valid({ choice3: structures[1] }))).toEqual({
      choice2: ["Indiquez le choix n°2 avant le choix n°3."],
    });
    expect(issues(valid({ choice2: "pas-un-id" }))).toEqual({ choice2: ["Choisissez une structure de la liste."] });
    expect(wishesOf({ choice1: structures[1], choice2: structures[0], choice3: "" })).toEqual([
      structures[1],
      structures[0],
    ]);
  });

  it("reads the flat form the browser posts", () => {
    const parsed = submitNurseryApplicationSchema.safeParse({
      householdId: guardianId,
      "guardians.0.guardianId": guardianId,
      "guardians.0.situation": "conge_parental",
      child: UNBORN_CHILD,
      expectedBirthOn: addDays(today, 60),
      careType: "regulier",
      "days.1.selected": "on",
      "days.1.start": "08:15",
      "days.1.end": "16:45",
      "days.3.start": "08:30",
      "days.3.end": "17:30",
      desiredStartOn: addMonthsToDay(today, 6),
      choice1: structures[0],
    });
    expect(parsed.success).toBe(true);
    expect(scheduleOf(parsed.data!)).toEqual([{ weekday: 2, start: "08:15", end: "16:45" }]);
  });

  it("prefills a change from the stored application, situations given back as the form's codes", () => {
    const defaults = nurseryFormDefaults([{ id: guardianId }], {
      childId: null,
      expectedBirthOn: "2027-05-02",
      unbornFirstName: "Lina",
      guardianSituations: [{ guardianId, situation: "En recherche d'emploi", employer: null }],
      careType: "regulier",
      schedule: [{ weekday: 4, start: "09:00", end: "12:00" }],
      desiredStartOn: "2027-09-01",
      wishedStructureIds: [structures[1]],
      comment: null,
    });
    expect(defaults).toMatchObject({
      guardians: [{ guardianId, situation: "recherche_emploi", employer: "" }],
      child: UNBORN_CHILD,
      unbornFirstName: "Lina",
      choice1: structures[1],
      choice2: "",
    });
    expect(defaults.days![3]).toEqual({ selected: true, start: "09:00", end: "12:00" });
    expect(defaults.days![0]).toEqual({ selected: false, start: "08:30", end: "17:30" });
  });
});

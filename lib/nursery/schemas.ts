import { z } from "zod";
import type { NurseryCareType, NurseryScheduleDay } from "@/db/schema/nursery";
import { todayInParis } from "@/lib/clock";
import { nestKeys } from "@/lib/new-family/schemas";
import { type IsoDay, isIsoDay, isWellFormedDay } from "@/lib/planning/days";
import { ageGroupAt } from "./age-groups";
import { addMonthsToDay } from "./deadlines";

/**
 * The family's pré-inscription en crèche form, in steps: one zod schema per step and the whole form, shared by the
 * browser (react-hook-form, step by step) and the server actions (the flat FormData nested by nestKeys). What only
 * the database knows (the file's guardians and children, the commune's structures) is checked again by
 * lib/nursery/apply.ts, with the same French messages at the same fields.
 */

export const GUARDIAN_SITUATION_LABELS = {
  en_activite: "En activité",
  recherche_emploi: "En recherche d'emploi",
  formation: "En formation / études",
  conge_parental: "Congé parental",
  sans_activite: "Sans activité",
} as const;
export type GuardianSituation = keyof typeof GUARDIAN_SITUATION_LABELS;

/** The "child" choice of a child to be born (the other choices are the file's children's ids). */
export const UNBORN_CHILD = "a_naitre";

/** A crèche's opening hours: the regular care's arrival and departure lie within them. */
export const CARE_HOURS = { opens: "07:30", closes: "18:30" } as const;
/** Monday to Friday (ISO weekdays), the days of a regular care; `days.N` of the form is WEEKDAYS[N]. */
export const CARE_WEEKDAYS = [1, 2, 3, 4, 5] as const;
export const DEFAULT_DAY_HOURS = { start: "08:30", end: "17:30" } as const;

export const MAX_WISHES = 3;
export const MAX_COMMENT = 1000;
/** How far ahead a birth may be expected, and a start wished, in months. */
export const MAX_MONTHS_BEFORE_BIRTH = 9;
export const MAX_MONTHS_BEFORE_START = 24;

export const CHILD_TOO_OLD = "L'enfant doit avoir moins de 4 ans à la date d'entrée souhaitée.";
export const START_BEFORE_BIRTH = "La date d'entrée doit suivre la date prévue de naissance.";
export const UNKNOWN_STRUCTURE = "Choisissez une structure de la liste.";
export const UNKNOWN_CHILD = "Choisissez l'enfant.";
export const CERTIFICATE_REQUIRED = "Joignez le certificat de grossesse.";

export const NURSERY_FORM_STEPS = [
  { id: "responsables", label: "Responsables", fields: ["guardians"] },
  { id: "enfant", label: "Enfant", fields: ["child", "expectedBirthOn", "unbornFirstName"] },
  { id: "garde", label: "Type de garde", fields: ["careType", "days", "desiredStartOn"] },
  { id: "structures", label: "Structures souhaitées", fields: ["choice1", "choice2", "choice3", "comment"] },
  { id: "pieces", label: "Pièces justificatives", fields: ["certificate"] },
  { id: "recapitulatif", label: "Récapitulatif", fields: [] },
] as const;
export type NurseryFormStep = (typeof NURSERY_FORM_STEPS)[number]["id"];

const optionalText = (label: string, max: number) =>
  z
    .string()
    .optional()
    .transform((v) => (v ?? "").trim())
    .refine((v) => v.length <= max, `${label} ne doit pas dépasser ${max} caractères.`);

/** A "yyyy-MM-dd" field that may be empty here (required or not by the refinements below). */
const dayText = () =>
  z
    .string()
    .optional()
    .transform((v) => (v ?? "").trim());

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

const guardianSchema = z.object({
  guardianId: z.uuid({ error: "Ce responsable n'est pas celui du dossier." }),
  // Checked by refineApplication (as the care type), so that the other rules run while it is not chosen yet.
  situation: z.string().optional().default(""),
  employer: optionalText("L'employeur", 100),
});

const daySchema = z.object({
  selected: z.preprocess((v) => v === true || v === "on" || v === "true", z.boolean()),
  start: z.string().optional().default(""),
  end: z.string().optional().default(""),
});

const applicationShape = {
  guardians: z
    .array(guardianSchema)
    .min(1, "Indiquez la situation de chaque responsable.")
    .max(4, "Quatre responsables au plus."),
  child: z.string({ error: UNKNOWN_CHILD }).trim().min(1, UNKNOWN_CHILD),
  expectedBirthOn: dayText(),
  unbornFirstName: optionalText("Le prénom", 100),
  // Checked by refineApplication, not as an enum: a care type not chosen yet must not hold back the other steps'
  // rules (zod skips refinements after an enum's refusal).
  careType: z.string().optional().default(""),
  days: z.array(daySchema).max(CARE_WEEKDAYS.length).default([]),
  desiredStartOn: dayText(),
  choice1: z.string().optional().default(""),
  choice2: z.string().optional().default(""),
  choice3: z.string().optional().default(""),
  comment: optionalText("Le commentaire", MAX_COMMENT),
};

type ApplicationFields = z.output<z.ZodObject<typeof applicationShape>>;
const CARE_TYPES = ["regulier", "occasionnel", "urgence"] as const satisfies readonly NurseryCareType[];
const isCareType = (v: string): v is NurseryCareType => (CARE_TYPES as readonly string[]).includes(v);
/** Once refineApplication has checked it, the care type is one of the enum's (a situation is one of its codes). */
const typed = <T extends { careType: string }>(v: T) => ({ ...v, careType: v.careType as NurseryCareType });
const isUuid = (v: string) => z.uuid().safeParse(v).success;

/** Step and cross-step rules that need no database: dates, hours, choices. */
function refineApplication(v: ApplicationFields, ctx: z.RefinementCtx) {
  const today = todayInParis();
  const issue = (path: (string | number)[], message: string) => ctx.addIssue({ code: "custom", path, message });

  v.guardians.forEach((g, i) => {
    if (!Object.hasOwn(GUARDIAN_SITUATION_LABELS, g.situation))
      issue(["guardians", i, "situation"], "Choisissez la situation professionnelle.");
  });
  if (!isCareType(v.careType)) issue(["careType"], "Choisissez le type de garde.");

  const unborn = v.child === UNBORN_CHILD;
  if (!unborn && v.child && !isUuid(v.child)) issue(["child"], UNKNOWN_CHILD);
  let birth: IsoDay | null = null;
  if (unborn) {
    const d = v.expectedBirthOn;
    if (!d) issue(["expectedBirthOn"], "La date prévue de naissance est obligatoire.");
    else if (!isWellFormedDay(d) || !isIsoDay(d))
      issue(["expectedBirthOn"], "La date prévue de naissance doit être une date valide au format jj/mm/aaaa.");
    else if (d < today) issue(["expectedBirthOn"], "La date prévue de naissance ne peut pas être passée.");
    else if (d > addMonthsToDay(today, MAX_MONTHS_BEFORE_BIRTH))
      issue(
        ["expectedBirthOn"],
        `La date prévue de naissance doit être dans les ${MAX_MONTHS_BEFORE_BIRTH} prochains mois.`,
      );
    else birth = d;
  }

  if (v.careType === "regulier") {
    const chosen = v.days.filter((d) => d.selected);
    if (chosen.length === 0) issue(["days"], "Cochez au moins un jour d'accueil.");
    v.days.forEach((d, i) => {
      if (!d.selected) return;
      const bad = (time: string) => !TIME.test(time) || time < CARE_HOURS.opens || time > CARE_HOURS.closes;
      const bounds = `entre ${CARE_HOURS.opens} et ${CARE_HOURS.closes}`;
      if (bad(d.start)) issue(["days", i, "start"], `L'heure d'arrivée doit être ${bounds}.`);
      if (bad(d.end)) issue(["days", i, "end"], `L'heure de départ doit être ${bounds}.`);
      if (!bad(d.start) && !bad(d.end) && d.end <= d.start)
        issue(["days", i, "end"], "L'heure de départ doit suivre l'heure d'arrivée.");
    });
  }

  const start = v.desiredStartOn;
  if (!start) issue(["desiredStartOn"], "La date d'entrée souhaitée est obligatoire.");
  else if (!isWellFormedDay(start) || !isIsoDay(start))
    issue(["desiredStartOn"], "La date d'entrée souhaitée doit être une date valide au format jj/mm/aaaa.");
  else if (start < today) issue(["desiredStartOn"], "La date d'entrée souhaitée ne peut pas être passée.");
  else if (start > addMonthsToDay(today, MAX_MONTHS_BEFORE_START))
    issue(["desiredStartOn"], "La date d'entrée souhaitée doit être dans les deux prochaines années.");
  else if (birth && !ageGroupAt(birth, start)) issue(["desiredStartOn"], START_BEFORE_BIRTH);

  const choices = [v.choice1, v.choice2, v.choice3];
  if (!v.choice1) issue(["choice1"], "Choisissez au moins une structure (choix n°1).");
  choices.forEach((choice, i) => {
    if (!choice) return;
    if (!isUuid(choice)) issue([`choice${i + 1}`], UNKNOWN_STRUCTURE);
    else if (choices.indexOf(choice) < i)
      issue([`choice${i + 1}`], "Choisissez une structure différente des autres choix.");
  });
  if (!v.choice2 && v.choice3) issue(["choice2"], "Indiquez le choix n°2 avant le choix n°3.");
}

/** The whole form as the browser holds it (react-hook-form's nested values). */
export const nurseryApplicationObject = z.object(applicationShape).superRefine(refineApplication).transform(typed);
export type NurseryApplicationInput = z.input<typeof nurseryApplicationObject>;
export type NurseryApplicationFields = z.output<typeof nurseryApplicationObject>;

/**
 * The browser's schema: the whole form plus the age of the file's chosen child at the start date (the server
 * checks it again from the file).
 */
export function nurseryApplicationFormSchema(children: readonly { id: string; birthDate: IsoDay }[]) {
  return nurseryApplicationObject.superRefine((v, ctx) => {
    const child = children.find((c) => c.id === v.child);
    if (child && isIsoDay(v.desiredStartOn) && !ageGroupAt(child.birthDate, v.desiredStartOn))
      ctx.addIssue({ code: "custom", path: ["desiredStartOn"], message: CHILD_TOO_OLD });
  });
}

const target = {
  householdId: z.uuid({ error: "Le dossier famille est introuvable." }),
  /** The "Certificat de grossesse" file field (read by the action, not validated here). */
  certificate: z.unknown().optional(),
};

/** "Envoyer ma demande": the flat FormData of the form ("guardians.0.situation", "days.2.start"…). */
export const submitNurseryApplicationSchema = z.preprocess(
  nestKeys,
  z
    .object({ ...applicationShape, ...target })
    .superRefine(refineApplication)
    .transform(typed),
);

/** "Modifier ma demande": the same form, for an application still waiting for the commission. */
export const updateNurseryApplicationSchema = z.preprocess(
  nestKeys,
  z
    .object({ ...applicationShape, ...target, applicationId: z.uuid({ error: "Demande introuvable." }) })
    .superRefine(refineApplication)
    .transform(typed),
);

/** "Confirmer ma demande" / "Retirer ma demande". */
export const nurseryApplicationTargetSchema = z.object({
  householdId: z.uuid({ error: "Le dossier famille est introuvable." }),
  applicationId: z.uuid({ error: "Demande introuvable." }),
});

/** The regular care's days as stored (ISO weekdays with their hours); empty for the other care types. */
export function scheduleOf(v: Pick<NurseryApplicationFields, "careType" | "days">): NurseryScheduleDay[] {
  if (v.careType !== "regulier") return [];
  return v.days.flatMap((d, i) =>
    d.selected && CARE_WEEKDAYS[i] ? [{ weekday: CARE_WEEKDAYS[i], start: d.start, end: d.end }] : [],
  );
}

/** The wished structures in order, blanks dropped. */
export function wishesOf(v: Pick<NurseryApplicationFields, "choice1" | "choice2" | "choice3">): string[] {
  return [v.choice1, v.choice2, v.choice3].filter(Boolean);
}

/** The earliest desired start the form offers (today) and the latest. */
export function startBounds(today: IsoDay = todayInParis()): { min: IsoDay; max: IsoDay } {
  return { min: today, max: addMonthsToDay(today, MAX_MONTHS_BEFORE_START) };
}

/** The file's children the form offers: those under 4 today (the start date then decides). */
export function isUnderFour(birth: IsoDay, today: IsoDay): boolean {
  return ageGroupAt(birth, today) !== null;
}

/** The form's code of a situation as stored (its French label, as the summary shows it); "" when unknown. */
function situationCode(label: string | undefined): GuardianSituation | "" {
  const found = Object.entries(GUARDIAN_SITUATION_LABELS).find(([, text]) => text === label);
  return found ? (found[0] as GuardianSituation) : "";
}

/** A stored application's fields the change form starts from. */
export type StoredApplicationValues = {
  childId: string | null;
  expectedBirthOn: IsoDay | null;
  unbornFirstName: string | null;
  guardianSituations: readonly { guardianId: string; situation: string; employer: string | null }[];
  careType: NurseryApplicationFields["careType"];
  schedule: readonly NurseryScheduleDay[];
  desiredStartOn: IsoDay;
  wishedStructureIds: readonly string[];
  comment: string | null;
};

/**
 * The form's first values: the file's guardians (their situation as last given, if changing), the days at usual
 * hours; a stored application's values when it is being changed.
 */
export function nurseryFormDefaults(
  guardians: readonly { id: string }[],
  stored?: StoredApplicationValues | null,
): NurseryApplicationInput {
  const situationOf = (id: string) => stored?.guardianSituations.find((g) => g.guardianId === id);
  return {
    guardians: guardians.map((g) => ({
      guardianId: g.id,
      situation: situationCode(situationOf(g.id)?.situation),
      employer: situationOf(g.id)?.employer ?? "",
    })),
    child: stored ? (stored.childId ?? UNBORN_CHILD) : "",
    expectedBirthOn: stored?.expectedBirthOn ?? "",
    unbornFirstName: stored?.unbornFirstName ?? "",
    careType: stored?.careType ?? "",
    days: CARE_WEEKDAYS.map((weekday) => {
      const day = stored?.schedule.find((d) => d.weekday === weekday);
      return day ? { selected: true, start: day.start, end: day.end } : { selected: false, ...DEFAULT_DAY_HOURS };
    }),
    desiredStartOn: stored?.desiredStartOn ?? "",
    choice1: stored?.wishedStructureIds[0] ?? "",
    choice2: stored?.wishedStructureIds[1] ?? "",
    choice3: stored?.wishedStructureIds[2] ?? "",
    comment: stored?.comment ?? "",
  };
}

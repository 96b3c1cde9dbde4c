import { z } from "zod";
import type { ActivityCategory } from "@/db/schema/planning";
import { addDays, isIsoDay } from "@/lib/planning/days";
import { checkbox, dayField, requiredText } from "@/lib/validation/fields";
import {
  CATEGORY_LABELS,
  CLOSURE_KIND_LABELS,
  type ClosureKind,
  ENROLMENT_STATUS_LABELS,
  type EnrolmentStatus,
} from "./labels";

/* The activities back office's forms, validated with the same rules in the browser and in the server actions. */

const MAX_DEADLINE_DAYS = 30;
const MAX_CAPACITY = 10_000;
/** A closure period longer than this is a typing mistake (and would write hundreds of rows). */
const MAX_CLOSURE_DAYS = 366;

const HH_MM = /^([01]\d|2[0-3]):[0-5]\d$/;
const WHOLE_NUMBER = /^\d+$/;

const timeField = (label: string) =>
  z
    .string({ error: `${label} est obligatoire.` })
    .trim()
    .min(1, { message: `${label} est obligatoire.`, abort: true })
    .regex(HH_MM, `${label} doit être au format HH:mm, par exemple 07:30.`);

const labelledDay = (label: string) =>
  dayField({ missing: `${label} est obligatoire.`, invalid: `${label} doit être une date valide (jj/mm/aaaa).` });

const deadlineDaysField = (label: string) =>
  z
    .string({ error: `${label} est obligatoire.` })
    .trim()
    .min(1, { message: `${label} est obligatoire.`, abort: true })
    .regex(WHOLE_NUMBER, {
      message: `${label} doit être un nombre entier de jours, entre 0 et ${MAX_DEADLINE_DAYS}.`,
      abort: true,
    })
    .transform(Number)
    .refine((days) => days <= MAX_DEADLINE_DAYS, `${label} doit être compris entre 0 et ${MAX_DEADLINE_DAYS} jours.`);

/** Empty means unlimited (null). */
const capacityField = () =>
  z
    .string()
    .trim()
    .optional()
    .transform((v) => v ?? "")
    .refine((v) => v === "" || WHOLE_NUMBER.test(v), {
      message: "La capacité doit être un nombre entier positif ou nul (laissez vide si illimitée).",
      abort: true,
    })
    .transform((v) => (v === "" ? null : Number(v)))
    .refine((v) => v === null || v <= MAX_CAPACITY, `La capacité ne peut pas dépasser ${MAX_CAPACITY} places.`);

/** Tick boxes sharing one name: none ticked arrives as nothing (FormData) or false / [] (react-hook-form). */
const weekdaysField = () =>
  z.preprocess(
    (v) => (v === undefined || v === null || v === false || v === "" ? [] : Array.isArray(v) ? v : [v]),
    z
      .array(z.coerce.number().int().min(1, "Jour inconnu.").max(7, "Jour inconnu."))
      .min(1, "Cochez au moins un jour de la semaine.")
      .transform((days) => [...new Set(days)].sort((a, b) => a - b)),
  );

const activityFields = {
  code: z
    .string()
    .trim()
    .max(20, "Le code ne doit pas dépasser 20 caractères.")
    .refine((v) => !v.includes("/"), "Le code ne doit pas contenir de « / ».")
    .optional()
    .transform((v) => v ?? ""),
  name: requiredText("Le nom de l'activité"),
  facility: requiredText("L'établissement"),
  category: z.enum(Object.keys(CATEGORY_LABELS) as [ActivityCategory, ...ActivityCategory[]], {
    error: "Choisissez une catégorie.",
  }),
  weekdays: weekdaysField(),
  startTime: timeField("L'heure de début"),
  endTime: timeField("L'heure de fin"),
  color: z
    .string({ error: "La couleur est obligatoire." })
    .trim()
    .regex(/^#[0-9a-fA-F]{6}$/, "La couleur doit être au format #RRGGBB, par exemple #1d4ed8.")
    .transform((v) => v.toLowerCase()),
  capacity: capacityField(),
  bookingDeadlineDays: deadlineDaysField("Le délai de réservation"),
  bookingDeadlineTime: timeField("L'heure limite de réservation"),
  cancellationDeadlineDays: deadlineDaysField("Le délai d'absence"),
  cancellationDeadlineTime: timeField("L'heure limite d'absence"),
  deadlineDaysKind: z.enum(["working", "calendar"], { error: "Choisissez comment les jours sont comptés." }),
  lateAbsenceBilled: checkbox(),
  autoAccept: checkbox(),
};

/** Checked even when other fields are wrong, so both errors show at once. */
const endsAfterStart = <S extends z.ZodType<{ startTime: string; endTime: string }>>(schema: S) =>
  schema.refine((v) => v.endTime > v.startTime, {
    path: ["endTime"],
    message: "L'heure de fin doit être après l'heure de début.",
    when: ({ value }) => {
      const { startTime, endTime } = (value ?? {}) as Record<string, unknown>;
      return (
        typeof startTime === "string" &&
        typeof endTime === "string" &&
        HH_MM.test(startTime.trim()) &&
        HH_MM.test(endTime.trim())
      );
    },
  });

/** "Créer une activité" (no id) and "Modifier l'activité" (its id, and archiving): one form, one schema. */
export const activitySchema = endsAfterStart(
  z.object({
    ...activityFields,
    activityId: z
      .string()
      .optional()
      .transform((v) => v || undefined)
      .pipe(z.uuid("Activité introuvable.").optional()),
    archived: checkbox(),
  }),
);

type ActivityFormInput = z.output<typeof activitySchema>;
/** What an activity is created with (a new activity is never archived). */
export type ActivitySettings = Omit<ActivityFormInput, "activityId" | "archived">;

const closureKinds = Object.keys(CLOSURE_KIND_LABELS) as [ClosureKind, ...ClosureKind[]];

/** "Ajouter une fermeture": one day (no end date) or a period, for one activity or (empty) the whole commune. */
export const closureAddSchema = z
  .object({
    activityId: z
      .string()
      .optional()
      .transform((v) => v || null)
      .pipe(z.uuid("Activité introuvable.").nullable()),
    from: labelledDay("La date de début"),
    to: z.preprocess(
      (v) => (typeof v === "string" && v.trim() === "" ? undefined : v),
      labelledDay("La date de fin").optional(),
    ),
    kind: z.enum(closureKinds, { error: "Choisissez le type de fermeture." }),
    label: requiredText("Le libellé"),
  })
  .transform(({ to, ...rest }) => ({ ...rest, to: to || rest.from }))
  .refine((v) => v.to >= v.from, {
    path: ["to"],
    message: "La date de fin doit être postérieure ou égale à la date de début.",
  })
  .refine((v) => v.to < addDays(v.from, MAX_CLOSURE_DAYS), {
    path: ["to"],
    message: `Une période de fermeture ne peut pas dépasser ${MAX_CLOSURE_DAYS} jours.`,
  });

export type ClosureAddInput = z.output<typeof closureAddSchema>;

/** "Supprimer" a closure period: the ids of its days, repeated or comma-separated in one hidden field. */
export const closureRemoveSchema = z.object({
  closureIds: z.preprocess(
    (v) => (Array.isArray(v) ? v : typeof v === "string" && v ? v.split(",") : []),
    z
      .array(z.uuid("Fermeture introuvable."))
      .min(1, "Fermeture introuvable.")
      .max(MAX_CLOSURE_DAYS, "Fermeture introuvable."),
  ),
});

const enrolmentStatuses = Object.keys(ENROLMENT_STATUS_LABELS) as [EnrolmentStatus, ...EnrolmentStatus[]];

const enrolmentPeriodFields = {
  startsOn: labelledDay("La date de début"),
  endsOn: labelledDay("La date de fin"),
  status: z.enum(enrolmentStatuses, { error: "Choisissez l'état de l'inscription." }),
};

const endsOnOrAfterStart = <S extends z.ZodType<{ startsOn: string; endsOn: string }>>(schema: S) =>
  schema.refine((v) => v.endsOn >= v.startsOn, {
    path: ["endsOn"],
    message: "La date de fin doit être postérieure ou égale à la date de début.",
    when: ({ value }) => {
      const { startsOn, endsOn } = (value ?? {}) as Record<string, unknown>;
      return (
        typeof startsOn === "string" &&
        typeof endsOn === "string" &&
        isIsoDay(startsOn.trim()) &&
        isIsoDay(endsOn.trim())
      );
    },
  });

/** "Inscrire" a child of the commune to an activity over a period. */
export const enrolmentCreateSchema = endsOnOrAfterStart(
  z.object({
    activityId: z.uuid("Activité introuvable."),
    childId: z.uuid("Choisissez un enfant."),
    ...enrolmentPeriodFields,
  }),
);

/** Change an enrolment's period or state (inscrit / liste d'attente). */
export const enrolmentUpdateSchema = endsOnOrAfterStart(
  z.object({ enrolmentId: z.uuid("Inscription introuvable."), ...enrolmentPeriodFields }),
);

export type EnrolmentCreateInput = z.output<typeof enrolmentCreateSchema>;
export type EnrolmentUpdateInput = z.output<typeof enrolmentUpdateSchema>;

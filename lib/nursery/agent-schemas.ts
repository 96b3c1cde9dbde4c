import { z } from "zod";
import type { NurseryKind } from "@/db/schema/nursery";
import { nestIndexedKeys } from "@/lib/family-file/schemas";
import { checkbox, dayField, requiredText } from "@/lib/validation/fields";
import { NURSERY_KIND_LABELS } from "./labels";

const NURSERY_KINDS = Object.keys(NURSERY_KIND_LABELS) as [NurseryKind, ...NurseryKind[]];

/*
 * The town side's forms (commission, structures, settings): one zod schema each, shared by the client form and the
 * server action. FormData is flat ("decisions.0.structureId"), so the actions' schemas nest it back first.
 */

/** The weekdays a crèche opens (ISO numbers) and the hours a day may span. */
export const CRECHE_WEEKDAYS = [1, 2, 3, 4, 5] as const;
export const CRECHE_OPENS = "07:30";
export const CRECHE_CLOSES = "18:30";

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

/** A decision row as typed: one application, its decision and the fields of each kind of decision. */
const decisionRow = z.object({
  applicationId: z.uuid({ error: "Cette demande est introuvable." }),
  /** When the application was last changed, as the page showed it: a change since then refuses the decision. */
  seen: z.iso.datetime({ error: "Rechargez la page.", offset: true }),
  decision: z.enum(["none", "offer", "waiting", "refuse"], { error: "Choisissez une décision." }),
  structureId: z.string().trim().max(36).default(""),
  startOn: z.string().trim().max(10).default(""),
  rank: z.string().trim().max(4).default(""),
  reason: z.string().trim().max(500, "Le motif ne doit pas dépasser 500 caractères.").default(""),
  day1: checkbox(),
  day2: checkbox(),
  day3: checkbox(),
  day4: checkbox(),
  day5: checkbox(),
  start1: z.string().trim().max(5).default(""),
  start2: z.string().trim().max(5).default(""),
  start3: z.string().trim().max(5).default(""),
  start4: z.string().trim().max(5).default(""),
  start5: z.string().trim().max(5).default(""),
  end1: z.string().trim().max(5).default(""),
  end2: z.string().trim().max(5).default(""),
  end3: z.string().trim().max(5).default(""),
  end4: z.string().trim().max(5).default(""),
  end5: z.string().trim().max(5).default(""),
});
export type DecisionRowInput = z.input<typeof decisionRow>;

type Weekday = (typeof CRECHE_WEEKDAYS)[number];
const dayKey = (d: Weekday) => `day${d}` as const;
const startKey = (d: Weekday) => `start${d}` as const;
const endKey = (d: Weekday) => `end${d}` as const;

const startOnField = dayField({
  missing: "La date d'entrée est obligatoire.",
  invalid: "La date d'entrée doit être une date valide (jj/mm/aaaa).",
});

/** One decision of the commission, as decideCommission takes it. */
export type CommissionDecision = { applicationId: string; seen?: string } & (
  | {
      kind: "offer";
      structureId: string;
      startOn: string;
      schedule: { weekday: number; start: string; end: string }[];
    }
  | { kind: "waiting"; rank: number | null }
  | { kind: "refuse"; reason: string }
);

export const MAX_COMMISSION_ROWS = 100;

/** "Enregistrer les décisions": the commission's date and a decision per application ("Pas de décision" skipped). */
export const commissionSchema = z.object({
  commissionOn: dayField({
    missing: "La date de la commission est obligatoire.",
    invalid: "La date de la commission doit être une date valide (jj/mm/aaaa).",
  }),
  decisions: z
    .array(decisionRow)
    .max(MAX_COMMISSION_ROWS, `${MAX_COMMISSION_ROWS} demandes au plus.`)
    .superRefine((rows, ctx) => {
      rows.forEach((row, index) => {
        const issue = (field: string, message: string) =>
          ctx.addIssue({ code: "custom", path: [index, field], message });
        if (row.decision === "offer") {
          if (!z.uuid().safeParse(row.structureId).success) issue("structureId", "Choisissez la structure proposée.");
          const start = startOnField.safeParse(row.startOn);
          if (!start.success) issue("startOn", start.error.issues[0]?.message ?? "La date d'entrée est invalide.");
          for (const d of CRECHE_WEEKDAYS) {
            if (!row[dayKey(d)]) continue;
            const from = row[startKey(d)];
            const to = row[endKey(d)];
            if (!TIME.test(from) || from < CRECHE_OPENS || from > CRECHE_CLOSES)
              issue(startKey(d), `L'heure d'arrivée doit être comprise entre ${CRECHE_OPENS} et ${CRECHE_CLOSES}.`);
            else if (!TIME.test(to) || to < CRECHE_OPENS || to > CRECHE_CLOSES)
              issue(endKey(d), `L'heure de départ doit être comprise entre ${CRECHE_OPENS} et ${CRECHE_CLOSES}.`);
            else if (to <= from) issue(endKey(d), "L'heure de départ doit suivre l'heure d'arrivée.");
          }
        }
        if (row.decision === "waiting" && row.rank !== "" && !/^[1-9]\d{0,3}$/.test(row.rank))
          issue("rank", "Le rang doit être un nombre entier à partir de 1.");
        if (row.decision === "refuse" && row.reason === "") issue("reason", "Le motif du refus est obligatoire.");
      });
      const ids = rows.map((row) => row.applicationId);
      if (new Set(ids).size !== ids.length) ctx.addIssue({ code: "custom", message: "Une demande figure deux fois." });
    }),
});

/** The decisions to record, "Pas de décision" left out. */
export function commissionDecisions(input: z.output<typeof commissionSchema>): CommissionDecision[] {
  return input.decisions.flatMap((row): CommissionDecision[] => {
    const { applicationId, seen } = row;
    if (row.decision === "none") return [];
    if (row.decision === "waiting")
      return [{ applicationId, seen, kind: "waiting", rank: row.rank ? Number(row.rank) : null }];
    if (row.decision === "refuse") return [{ applicationId, seen, kind: "refuse", reason: row.reason }];
    const schedule = CRECHE_WEEKDAYS.filter((d) => row[dayKey(d)]).map((d) => ({
      weekday: d,
      start: row[startKey(d)],
      end: row[endKey(d)],
    }));
    return [{ applicationId, seen, kind: "offer", structureId: row.structureId, startOn: row.startOn, schedule }];
  });
}

/** The action's schema: FormData is flat, nested back as the form had it. */
export const commissionFormSchema = z.preprocess((input) => {
  const nested = nestIndexedKeys(input) as Record<string, unknown>;
  return { decisions: [], ...nested };
}, commissionSchema);

const placesField = z
  .string({ error: "Le nombre de places est obligatoire." })
  .trim()
  .regex(/^\d{1,3}$/, "Le nombre de places doit être un nombre entier entre 0 et 999.")
  .transform(Number);

const placesShape = {
  bebes: placesField,
  moyens: placesField,
  grands: placesField,
};

/** "Ajouter la structure" (admins). */
export const newStructureSchema = z.object({
  name: requiredText("Le nom", 100),
  kind: z.enum(NURSERY_KINDS, { error: "Choisissez le type de structure." }),
  address: z.string().trim().max(200, "L'adresse ne doit pas dépasser 200 caractères.").default(""),
  ...placesShape,
});

/** "Enregistrer" a structure's places and whether the families may still choose it (admins). */
export const structureChangeSchema = z.object({
  structureId: z.uuid({ error: "Cette structure est introuvable." }),
  active: checkbox(),
  ...placesShape,
});

const wholeNumber = (label: string, min: number, max: number) =>
  z
    .string({ error: `${label} est obligatoire.` })
    .trim()
    .regex(/^\d{1,3}$/, `${label} doit être un nombre entier entre ${min} et ${max}.`)
    .transform(Number)
    .refine((n) => n >= min && n <= max, `${label} doit être un nombre entier entre ${min} et ${max}.`);

/** "Délai de réponse des familles (jours)" and "Confirmation des demandes (mois)" (admins). */
export const nurserySettingsSchema = z.object({
  offerResponseDays: wholeNumber("Le délai de réponse", 1, 60),
  confirmationMonths: wholeNumber("La périodicité de confirmation", 1, 12),
});

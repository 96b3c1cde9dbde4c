import { z } from "zod";
import type { NurseryAgeGroup, NurseryApplicationStatus, NurseryCareType } from "@/db/schema/nursery";
import { AGE_GROUPS } from "@/lib/nursery/age-groups";
import { APPLICATION_STATUS_LABELS, CARE_TYPE_LABELS } from "@/lib/nursery/labels";

/** The list's "État" filter: the applications still in progress by default, one state, or all of them. */
export const STATE_FILTERS = {
  en_cours: {
    label: "En cours (en attente, proposée, liste d'attente)",
    statuses: ["submitted", "offered", "waiting_list"],
  },
  ...Object.fromEntries(
    Object.entries(APPLICATION_STATUS_LABELS).map(([status, label]) => [status, { label, statuses: [status] }]),
  ),
  toutes: { label: "Tous les états", statuses: null },
} as Record<string, { label: string; statuses: NurseryApplicationStatus[] | null }>;

const stateCodes = Object.keys(STATE_FILTERS) as [string, ...string[]];
const careTypes = Object.keys(CARE_TYPE_LABELS) as [NurseryCareType, ...NurseryCareType[]];

/** The filters the list and the commission share; anything malformed falls back to "no filter". */
const filterShape = {
  structure: z.uuid().optional().catch(undefined),
  mois: z
    .string()
    .regex(/^(19|20|21)\d\d-(0[1-9]|1[0-2])$/)
    .optional()
    .catch(undefined),
  age: z
    .enum(AGE_GROUPS as [NurseryAgeGroup, ...NurseryAgeGroup[]])
    .optional()
    .catch(undefined),
  garde: z.enum(careTypes).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
};

export const nurseryListSearchParams = z.object({ ...filterShape, etat: z.enum(stateCodes).catch("en_cours") });

export const commissionSearchParams = z.object({
  ...filterShape,
  date: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .optional()
    .catch(undefined),
});

import { z } from "zod";
import { parseMonthValue } from "../periods";

/** "Émettre les factures": the régie and the month ("2027-01") the page previewed. */
export const issueRunSchema = z.object({
  regieId: z.uuid("Choisissez une régie."),
  month: z.string("Choisissez un mois.").refine((value) => parseMonthValue(value) !== null, "Choisissez un mois."),
});

/** The run page's address: the régie, the month and the page of the households' table; anything else is ignored. */
export const runPageParams = z.object({
  regie: z.uuid().optional().catch(undefined),
  mois: z
    .string()
    .refine((value) => parseMonthValue(value) !== null)
    .optional()
    .catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});

import { z } from "zod";
import { AUDIT_ACTION_LABELS } from "@/lib/agents/audit-read-labels";

/** The journal's query string; an unknown action or page falls back to everything, page 1. */
export const journalSearchParams = z.object({
  action: z
    .string()
    .refine((code) => Object.hasOwn(AUDIT_ACTION_LABELS, code))
    .optional()
    .catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});

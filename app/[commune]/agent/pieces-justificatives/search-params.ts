import { z } from "zod";

/** The queue's "État" filter: the documents to check by default. */
export const QUEUE_STATE_FILTERS = {
  pending: "À vérifier",
  validated: "Validées",
  refused: "Refusées",
  replaced: "Remplacées",
} as const;
export type QueueStateFilter = keyof typeof QUEUE_STATE_FILTERS;

const stateCodes = Object.keys(QUEUE_STATE_FILTERS) as [QueueStateFilter, ...QueueStateFilter[]];

/** The queue's query string; anything malformed falls back to its default (never an error page). */
export const queueSearchParams = z.object({
  type: z.uuid().optional().catch(undefined),
  etat: z.enum(stateCodes).catch("pending"),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
  decision: z.enum(["validee", "refusee"]).optional().catch(undefined),
});

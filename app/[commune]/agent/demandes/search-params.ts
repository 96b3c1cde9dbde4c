import { z } from "zod";
import { REQUEST_TYPES } from "@/lib/requests/types";
import { searchQuery } from "@/lib/validation/fields";

/** The inbox's "État" filter: pending by default (the work to do). */
export const INBOX_STATUS_FILTERS = {
  pending: "En cours",
  accepted: "Acceptées",
  refused: "Refusées",
  withdrawn: "Retirées",
  all: "Toutes",
} as const;
export type InboxStatusFilter = keyof typeof INBOX_STATUS_FILTERS;

const requestTypeCodes = Object.keys(REQUEST_TYPES) as [keyof typeof REQUEST_TYPES, ...(keyof typeof REQUEST_TYPES)[]];
const statusCodes = Object.keys(INBOX_STATUS_FILTERS) as [InboxStatusFilter, ...InboxStatusFilter[]];

/** The inbox's query string; anything malformed falls back to its default (never an error page). */
export const inboxSearchParams = z.object({
  type: z.enum(requestTypeCodes).optional().catch(undefined),
  etat: z.enum(statusCodes).catch("pending"),
  q: searchQuery(),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});

import { z } from "zod";
import { REQUEST_STATE_FILTERS, REQUEST_TYPES, type RequestStateFilter, type RequestType } from "@/lib/requests/types";

/** The GET parameters of Mes demandes; anything malformed falls back to its default rather than failing. */
const first = (v: unknown) => (Array.isArray(v) ? v[0] : v);
const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);

export const requestFiltersSchema = z.object({
  type: z
    .preprocess(
      (v) => blankToUndefined(first(v)),
      z.enum(Object.keys(REQUEST_TYPES) as [RequestType, ...RequestType[]]).optional(),
    )
    .catch(undefined),
  etat: z
    .preprocess(first, z.enum(Object.keys(REQUEST_STATE_FILTERS) as [RequestStateFilter, ...RequestStateFilter[]]))
    .catch("all"),
  reference: z.preprocess((v) => blankToUndefined(first(v)), z.string().trim().max(30).optional()).catch(undefined),
  page: z.preprocess(first, z.coerce.number().int().min(1).max(100_000)).catch(1),
  famille: z.preprocess(first, z.uuid().optional()).catch(undefined),
});

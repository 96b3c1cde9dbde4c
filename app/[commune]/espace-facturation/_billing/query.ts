import { z } from "zod";

/** The GET parameters of the Espace facturation's pages; anything malformed falls back to its default. */
const first = (v: unknown) => (Array.isArray(v) ? v[0] : v);
const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);

const famille = z.preprocess(first, z.uuid().optional()).catch(undefined);

export const invoiceQuerySchema = z.object({
  famille,
  nature: z.preprocess((v) => blankToUndefined(first(v)), z.uuid().optional()).catch(undefined),
  annee: z
    .preprocess((v) => blankToUndefined(first(v)), z.coerce.number().int().min(1900).max(2100).optional())
    .catch(undefined),
  apayer: z.preprocess(first, z.literal("1").optional()).catch(undefined),
});

export const operationsQuerySchema = z.object({
  famille,
  ordre: z.preprocess(first, z.enum(["asc", "desc"])).catch("desc"),
});

export const householdQuerySchema = z.object({ famille });

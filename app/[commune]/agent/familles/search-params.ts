import { z } from "zod";
import { searchQuery } from "@/lib/validation/fields";

/** The search form's query string; anything malformed falls back to the first page of everything. */
export const familySearchParams = z.object({
  q: searchQuery(),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});

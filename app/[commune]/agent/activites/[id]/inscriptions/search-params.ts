import { z } from "zod";
import { searchQuery } from "@/lib/validation/fields";

/** The enrolments page's query string: the child search and the child chosen to enrol; malformed values are ignored. */
export const enrolmentSearchParams = z.object({
  q: searchQuery(),
  enfant: z.uuid().optional().catch(undefined),
});

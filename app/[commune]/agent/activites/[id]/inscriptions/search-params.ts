import { z } from "zod";
import { searchQuery } from "@/lib/validation/fields";

/** The enrolments page's query string: the child search and the child chosen to enrol; malformed values are ignored. */
export const enrolmentSearchParams = z.object({
  q: searchQuery(),
  enfant: z.uuid().optional().catch(undefined),
});

export function enrolmentsHref(slug: string, activityId: string, search: { q?: string; enfant?: string } = {}): string {
  const query = new URLSearchParams();
  if (search.q) query.set("q", search.q);
  if (search.enfant) query.set("enfant", search.enfant);
  const text = query.toString();
  return `/${slug}/agent/activites/${activityId}/inscriptions${text ? `?${text}` : ""}`;
}

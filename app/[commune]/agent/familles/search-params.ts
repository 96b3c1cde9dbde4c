import { z } from "zod";
import { searchQuery } from "@/lib/validation/fields";

/** The search form's query string; anything malformed falls back to the first page of everything. */
export const familySearchParams = z.object({
  q: searchQuery(),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});

export function familySearchHref(slug: string, q: string, page: number): string {
  const query = new URLSearchParams();
  if (q) query.set("q", q);
  if (page > 1) query.set("page", String(page));
  const search = query.toString();
  return `/${slug}/agent/familles${search ? `?${search}` : ""}`;
}

import "server-only";
import { env } from "@/lib/env";

/** Absolute URL of a page of a commune, for mailed links. */
export function absoluteUrl(communeSlug: string, path: string, query?: Record<string, string>): string {
  const url = new URL(`/${communeSlug}${path}`, env.APP_URL);
  for (const [key, value] of Object.entries(query ?? {})) url.searchParams.set(key, value);
  return url.toString();
}

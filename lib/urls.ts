import "server-only";
import { env } from "@/lib/env";

/** A path of the route map (lib/routes/paths.ts) as an absolute URL on APP_URL, for mailed and subscribed links. */
export function absoluteUrl(path: string): string {
  return new URL(path, env.APP_URL).toString();
}

import "server-only";
import { headers } from "next/headers";

/**
 * The caller's IP, keyed on by rate limits. Behind a reverse proxy (nginx's $proxy_add_x_forwarded_for, Vercel)
 * the last X-Forwarded-For entry is the one the proxy itself saw; earlier entries are whatever the client sent.
 */
export function clientIpFrom(h: Headers): string {
  const forwarded = h.get("x-forwarded-for")?.split(",").at(-1)?.trim();
  return forwarded || h.get("x-real-ip") || "unknown";
}

export async function clientIp(): Promise<string> {
  return clientIpFrom(await headers());
}

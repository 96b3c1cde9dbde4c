import "server-only";
import { headers } from "next/headers";

/** The caller's IP as the reverse proxy (or Vercel) reports it; rate limits key on it. */
export function clientIpFrom(h: Headers): string {
  const forwarded = h.get("x-forwarded-for")?.split(",")[0]?.trim();
  return forwarded || h.get("x-real-ip") || "unknown";
}

export async function clientIp(): Promise<string> {
  return clientIpFrom(await headers());
}

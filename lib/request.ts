import "server-only";
import { BlockList, isIPv4, isIPv6 } from "node:net";
import { headers } from "next/headers";
import { env } from "@/lib/env";
import { CLIENT_ADDRESS_HEADER, UNKNOWN_ADDRESS } from "@/server/client-address.mjs";

/**
 * The client's address, keyed on by rate limits and checked by the local mailbox. Never read from X-Forwarded-For
 * or X-Real-IP, which any client writes: on Node it is what server.mjs stamped from the connection (and the trusted
 * proxy hops), on Vercel the header Vercel's edge overwrites. Anything else is the one shared "unknown" address.
 */
export function clientAddressFrom(h: Headers, trust: { stamp: string | undefined; onVercel: boolean }): string {
  if (trust.onVercel) return h.get("x-vercel-forwarded-for")?.split(",")[0]?.trim() || UNKNOWN_ADDRESS;
  const [stamp, address] = h.get(CLIENT_ADDRESS_HEADER)?.split(" ") ?? [];
  return trust.stamp && stamp === trust.stamp && address ? address : UNKNOWN_ADDRESS;
}

export function clientIpFrom(h: Headers): string {
  return clientAddressFrom(h, { stamp: env.PORTAIL_CLIENT_ADDRESS_STAMP, onVercel: env.VERCEL });
}

export async function clientIp(): Promise<string> {
  return clientIpFrom(await headers());
}

const loopback = new BlockList();
loopback.addSubnet("127.0.0.0", 8, "ipv4");
loopback.addAddress("::1", "ipv6");

/** This machine itself: 127.0.0.0/8 and ::1, also when 127.x is written as an IPv4-mapped IPv6 address. */
export function isLoopback(address: string): boolean {
  const ipv4 = address.replace(/^::ffff:/i, "");
  if (isIPv4(ipv4)) return loopback.check(ipv4, "ipv4");
  return isIPv6(address) && loopback.check(address, "ipv6");
}

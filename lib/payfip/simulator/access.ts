import "server-only";
import { env } from "@/lib/env";
import { clientIp, isLoopback } from "@/lib/request";

/**
 * Who reaches the PayFiP simulator: anyone can "pay" there, and its web service tells every payment's detail, so
 * like the local mailbox it answers only a client on this very machine (the portal calling itself, a demo's
 * browser), unless the town explicitly runs a public test instance (PAYFIP_SIMULATOR_PUBLIC).
 */
export async function canUsePayfipSimulator(): Promise<boolean> {
  return env.PAYFIP_SIMULATOR_PUBLIC || isLoopback(await clientIp());
}

import "server-only";
import { localMailboxEnabled } from "@/lib/env";
import { clientIp, isLoopback } from "@/lib/request";

/**
 * The local mailbox holds every commune's activation and reset links: reading it is taking over any account. So it
 * answers only a client on this very machine, whatever the environment says (a demo reached from the network
 * included), and only where no mail provider is configured.
 */
export async function canReadLocalMailbox(): Promise<boolean> {
  return localMailboxEnabled && isLoopback(await clientIp());
}

/** Said once at start-up, so nobody runs a reachable server with the mailbox on without knowing it. */
export function warnIfLocalMailboxOn(): void {
  if (!localMailboxEnabled) return;
  console.warn(
    "⚠ Local mailbox ON (no RESEND_API_KEY): mails are kept in the database and shown at /boite-mail-locale, " +
      "to clients on this machine only. Never expose this instance to real users: configure RESEND_API_KEY.",
  );
}

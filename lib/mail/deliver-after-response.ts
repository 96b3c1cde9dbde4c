import "server-only";
import { after } from "next/server";
import type { Db } from "@/db/client";
import { deliverPendingMail } from "./send-mail";

/**
 * For a server action whose mails are already committed to the outbox: they are tried once the answer has left
 * (next/server's after), so the family does not wait for the provider (on registration day, dozens of answers a
 * second); a failure is left to the outbox's retries, as for a first attempt made at once.
 */
export function deliverAfterResponse(db: Db): (mailIds: string[]) => void {
  return (mailIds) =>
    after(() =>
      deliverPendingMail(db, { ids: mailIds }).catch((error: unknown) =>
        console.error(`mails ${mailIds.join(", ")} not attempted`, error),
      ),
    );
}

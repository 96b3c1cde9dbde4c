import "server-only";
import { and, asc, eq, isNull, lt, or } from "drizzle-orm";
import type { Db } from "@/db/client";
import { onlinePayments } from "@/db/schema";
import type { PayfipServiceFor } from "./service";
import { checkOnlinePayment } from "./settle";
import { failInterruptedOpenings } from "./start";

/*
 * The open attempts' follow-up, run by the maintenance job on the machine's time: a family that paid and closed
 * its tab is recorded by the notification, but a notification may be lost or come while the result is not known
 * yet (P5). So an open attempt is asked again every few minutes, and given up after an hour.
 */

/** An open attempt is asked again when it was not asked for this long (PayFiP's P5 may last 15–20 minutes). */
export const RECHECK_AFTER_MS = 5 * 60_000;
/** Still unknown this long after it began: expired (a later notification or return still records a payment). */
export const OPEN_LIFETIME_MS = 60 * 60_000;
/** Attempts asked per run, the oldest first; the next run takes the others. */
const BATCH_SIZE = 50;
/** A run stops asking after this long (an unreachable service makes each call wait for its timeout). */
const BUDGET_MS = 20_000;

export async function checkOpenOnlinePayments(
  db: Db,
  now: Date,
  options: { serviceFor?: PayfipServiceFor; limit?: number } = {},
): Promise<{ checked: number; closed: number }> {
  let closed = await failInterruptedOpenings(db, { now });
  const askedBefore = new Date(now.getTime() - RECHECK_AFTER_MS);
  const due = await db
    .select({ id: onlinePayments.id })
    .from(onlinePayments)
    .where(
      and(
        eq(onlinePayments.state, "open"),
        // Never asked: counted from its start, so a family still on the card page is not asked at once.
        or(
          lt(onlinePayments.lastCheckedAt, askedBefore),
          and(isNull(onlinePayments.lastCheckedAt), lt(onlinePayments.createdAt, askedBefore)),
        ),
      ),
    )
    .orderBy(asc(onlinePayments.createdAt))
    .limit(options.limit ?? BATCH_SIZE);
  let checked = 0;
  const started = Date.now();
  for (const { id } of due) {
    if (Date.now() - started > BUDGET_MS) break;
    try {
      const attempt = await checkOnlinePayment(db, { attemptId: id, serviceFor: options.serviceFor, now });
      checked++;
      if (attempt?.state !== "open") closed++;
      else if (now.getTime() - attempt.createdAt.getTime() > OPEN_LIFETIME_MS) {
        const [expired] = await db
          .update(onlinePayments)
          .set({ state: "expired", closedAt: now })
          .where(
            and(
              eq(onlinePayments.id, attempt.id),
              eq(onlinePayments.communeId, attempt.communeId),
              eq(onlinePayments.state, "open"),
            ),
          )
          .returning({ id: onlinePayments.id });
        if (expired) closed++;
      }
    } catch (error) {
      // One attempt's failure (a database error while settling) must not stop the others: asked again next run.
      console.error(`online payment ${id} not checked`, error);
    }
  }
  return { checked, closed };
}

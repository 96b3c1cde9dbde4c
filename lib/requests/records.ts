import "server-only";
import { and, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { type RequestActorSide, type RequestEventKind, requestCounters, requestEvents, users } from "@/db/schema";
import { currentTime } from "@/lib/clock";
import { formatRequestReference, referenceYear } from "./reference";

/* The building blocks every kind of request shares: its reference, its history, who may decide it. */

/**
 * The next reference of this commune, e.g. "D2026-000124". Call it inside the transaction that inserts the
 * request: the counter row stays locked until commit, so concurrent creations get distinct, gap-free numbers.
 */
export async function allocateRequestReference(tx: Db, communeId: string, at = currentTime()): Promise<string> {
  const year = referenceYear(at);
  const [row] = await tx
    .insert(requestCounters)
    .values({ communeId, year, lastValue: 1 })
    .onConflictDoUpdate({
      target: [requestCounters.communeId, requestCounters.year],
      set: { lastValue: sql`${requestCounters.lastValue} + 1` },
    })
    .returning({ lastValue: requestCounters.lastValue });
  return formatRequestReference(year, row!.lastValue);
}

/** One line of a request's history (inside the caller's transaction). */
export async function addRequestEvent(
  tx: Db,
  event: {
    communeId: string;
    requestId: string;
    kind: RequestEventKind;
    side: RequestActorSide;
    actorUserId: string | null;
    message?: string | null;
    details?: Record<string, unknown>;
  },
) {
  await tx.insert(requestEvents).values({
    communeId: event.communeId,
    requestId: event.requestId,
    kind: event.kind,
    actorSide: event.side,
    actorUserId: event.actorUserId,
    message: event.message ?? null,
    details: event.details ?? null,
  });
}

/** An active agent or admin of this commune (decisions are refused to anyone else, whatever the UI showed). */
export async function isStaffOf(db: Db, communeId: string, userId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: users.id })
    .from(users)
    .where(
      and(
        eq(users.id, userId),
        eq(users.communeId, communeId),
        inArray(users.role, ["agent", "admin"]),
        eq(users.status, "active"),
      ),
    );
  return Boolean(row);
}

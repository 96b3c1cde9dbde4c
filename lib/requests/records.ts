import "server-only";
import { and, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import {
  type RequestActorSide,
  type RequestEventKind,
  requestCounters,
  requestEvents,
  requests,
  users,
} from "@/db/schema";
import { currentTime } from "@/lib/clock";
import { executeRows } from "@/lib/database/rows";
import { formatRequestReference, REFERENCE_PREFIX, REFERENCE_SEQUENCE_DIGITS, referenceYear } from "./reference";

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

/** What a request inserted before its number is drawn holds until assignRequestReference, in the same transaction. */
export const provisionalReference = (requestId: string) => `provisoire-${requestId}`;

/**
 * Draws the commune's next number and writes it as the request's reference, in one statement (formatted as
 * formatRequestReference does). Call it last in the transaction: the counter row, which every request of the
 * commune waits on, then stays locked only until the commit.
 */
export async function assignRequestReference(
  tx: Db,
  p: { communeId: string; requestId: string; at: Date },
): Promise<string> {
  const year = referenceYear(p.at);
  const [row] = await executeRows<{ reference: string }>(
    tx,
    sql`with counter as (
          insert into ${requestCounters} (commune_id, year, last_value) values (${p.communeId}, ${year}, 1)
          on conflict (commune_id, year) do update set last_value = ${requestCounters}.last_value + 1
          returning last_value)
        update ${requests}
        set reference = ${`${REFERENCE_PREFIX}${year}-`}::text
          || lpad(counter.last_value::text, greatest(${REFERENCE_SEQUENCE_DIGITS}::int, length(counter.last_value::text)), '0')
        from counter
        where ${requests}.id = ${p.requestId} and ${requests}.commune_id = ${p.communeId}
        returning ${requests}.reference`,
  );
  if (!row) throw new Error(`request ${p.requestId} not found to number`);
  return row.reference;
}

type RequestEvent = {
  communeId: string;
  requestId: string;
  kind: RequestEventKind;
  side: RequestActorSide;
  actorUserId: string | null;
  message?: string | null;
  details?: Record<string, unknown>;
};

/** One line of a request's history (inside the caller's transaction). */
export async function addRequestEvent(tx: Db, event: RequestEvent) {
  await addRequestEvents(tx, [event]);
}

/** Lines of requests' histories, in one statement (inside the caller's transaction). */
export async function addRequestEvents(tx: Db, events: readonly RequestEvent[]) {
  await tx.insert(requestEvents).values(
    events.map((event) => ({
      communeId: event.communeId,
      requestId: event.requestId,
      kind: event.kind,
      actorSide: event.side,
      actorUserId: event.actorUserId,
      message: event.message ?? null,
      details: event.details ?? null,
    })),
  );
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

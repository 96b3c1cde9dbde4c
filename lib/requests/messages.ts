import "server-only";
import { and, count, eq, inArray, ne, sql, sum } from "drizzle-orm";
import type { Db } from "@/db/client";
import { requests } from "@/db/schema";
import type { HouseholdScope } from "@/lib/family-file/records";
import { addRequestEvent, isStaffOf } from "./records";

/* The town's messages on a request, and the family's count of those it has not read yet. */

/** An agent's message on a request without deciding it: the family sees "1 nouveau(x) message(s)". */
export async function postTownMessage(
  db: Db,
  params: { communeId: string; agentUserId: string; requestId: string; message: string },
): Promise<{ ok: true } | { ok: false; reason: "not_found" | "forbidden" | "message_required" }> {
  const message = params.message.trim();
  if (!message) return { ok: false, reason: "message_required" };
  if (!(await isStaffOf(db, params.communeId, params.agentUserId))) return { ok: false, reason: "forbidden" };
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(requests)
      .set({ familyUnreadCount: sql`${requests.familyUnreadCount} + 1`, updatedAt: sql`now()` })
      .where(and(eq(requests.id, params.requestId), eq(requests.communeId, params.communeId)))
      .returning({ id: requests.id });
    if (!row) return { ok: false as const, reason: "not_found" as const };
    await addRequestEvent(tx, {
      communeId: params.communeId,
      requestId: row.id,
      kind: "message",
      side: "town",
      actorUserId: params.agentUserId,
      message,
    });
    return { ok: true as const };
  });
}

/** "Marquer la sélection comme lue" (ids) / "Tout marquer comme lu" ("all"). Returns how many requests had unread messages. */
export async function markRequestsRead(
  db: Db,
  params: HouseholdScope & { requestIds: readonly string[] | "all" },
): Promise<number> {
  if (params.requestIds !== "all" && params.requestIds.length === 0) return 0;
  const rows = await db
    .update(requests)
    .set({ familyUnreadCount: 0 })
    .where(
      and(
        eq(requests.communeId, params.communeId),
        eq(requests.householdId, params.householdId),
        ne(requests.familyUnreadCount, 0),
        params.requestIds === "all" ? undefined : inArray(requests.id, [...params.requestIds]),
      ),
    )
    .returning({ id: requests.id });
  return rows.length;
}

/** For the menu badge: requests with news from the town, and how many messages in all. */
export async function countUnreadRequests(
  db: Db,
  params: HouseholdScope,
): Promise<{ requests: number; messages: number }> {
  const [row] = await db
    .select({ requests: count(), messages: sum(requests.familyUnreadCount) })
    .from(requests)
    .where(
      and(
        eq(requests.communeId, params.communeId),
        eq(requests.householdId, params.householdId),
        ne(requests.familyUnreadCount, 0),
      ),
    );
  return { requests: row?.requests ?? 0, messages: Number(row?.messages ?? 0) };
}

import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { requests } from "@/db/schema";
import { withdrawBookingRequest } from "@/lib/bookings/cancel";
import type { HouseholdScope } from "@/lib/family-file/records";
import { withdrawNurseryApplication } from "@/lib/nursery/withdraw";
import { addRequestEvent } from "./records";
import { isBookingRequestType } from "./types";

export type WithdrawResult = { ok: true } | { ok: false; reason: "not_found" | "not_pending" };

/** "Retirer": the family takes back its own pending request. */
export async function withdrawRequest(
  db: Db,
  params: HouseholdScope & { userId: string; requestId: string },
): Promise<WithdrawResult> {
  const type = (await requestTypeOf(db, params.communeId, params.requestId)) ?? "";
  // A booking request's days live in the planning: withdrawing it cancels each day still pending.
  if (isBookingRequestType(type)) return withdrawBookingRequest(db, params);
  // A crèche application moves with its request (and cannot be withdrawn once a place is offered).
  if (type === "nursery.application") return withdrawNurseryApplication(db, params);
  return db.transaction(async (tx) => {
    const mine = and(
      eq(requests.id, params.requestId),
      eq(requests.communeId, params.communeId),
      eq(requests.householdId, params.householdId),
    );
    const [row] = await tx
      .update(requests)
      .set({ status: "withdrawn", updatedAt: sql`now()` })
      .where(and(mine, eq(requests.status, "pending")))
      .returning({ id: requests.id });
    if (!row) {
      const [existing] = await tx.select({ id: requests.id }).from(requests).where(mine);
      return { ok: false as const, reason: existing ? ("not_pending" as const) : ("not_found" as const) };
    }
    await addRequestEvent(tx, {
      communeId: params.communeId,
      requestId: row.id,
      kind: "withdrawn",
      side: "family",
      actorUserId: params.userId,
    });
    return { ok: true as const };
  });
}

async function requestTypeOf(db: Db, communeId: string, requestId: string): Promise<string | null> {
  const [row] = await db
    .select({ type: requests.type })
    .from(requests)
    .where(and(eq(requests.id, requestId), eq(requests.communeId, communeId)));
  return row?.type ?? null;
}

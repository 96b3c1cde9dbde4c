import "server-only";
import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { nurseryApplications } from "@/db/schema";
import type { HouseholdScope } from "@/lib/family-file/records";
import { OPEN_STATUSES } from "./labels";
import { moveApplication } from "./transitions";

/**
 * "Retirer ma demande" on a pré-inscription en crèche, from its page or from Mes demandes: only the household's
 * own application, and only while the commission has not offered a place (an offer is declined instead).
 */
export async function withdrawNurseryApplication(
  db: Db,
  params: HouseholdScope & { userId: string; requestId: string },
): Promise<{ ok: true } | { ok: false; reason: "not_found" | "not_pending" }> {
  return db.transaction(async (tx) => {
    const [application] = await tx
      .select({ id: nurseryApplications.id })
      .from(nurseryApplications)
      .where(
        and(
          eq(nurseryApplications.requestId, params.requestId),
          eq(nurseryApplications.communeId, params.communeId),
          eq(nurseryApplications.householdId, params.householdId),
        ),
      );
    if (!application) return { ok: false, reason: "not_found" };
    const moved = await moveApplication(tx, {
      ...params,
      applicationId: application.id,
      from: OPEN_STATUSES,
      to: "withdrawn",
      side: "family",
      actorUserId: params.userId,
      event: "withdrawn",
    });
    return moved ? { ok: true } : { ok: false, reason: "not_pending" };
  });
}

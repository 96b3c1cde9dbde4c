import "server-only";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { communeLogos, communes } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record";
import type { CommuneLook } from "./look-schema";

/*
 * The commune's look, set by its admins: colour, mails' sender name and opening hours, and its logo. Each change is
 * audited in its transaction. Callers have checked the admin's role and commune (app/…/agent/commune/actions.ts).
 */

export async function saveCommuneLook(
  db: Db,
  params: { communeId: string; actorUserId: string; look: CommuneLook },
): Promise<void> {
  const { communeId, look } = params;
  await db.transaction(async (tx) => {
    await tx.update(communes).set(look).where(eq(communes.id, communeId));
    await recordAudit(tx, {
      communeId,
      actorUserId: params.actorUserId,
      action: "commune.look_changed",
      targetType: "commune",
      targetId: communeId,
      details: look,
    });
  });
}

/** Stores (or replaces) the logo, already checked and re-encoded (lib/communes/logo.ts), and versions its URL. */
export async function saveCommuneLogo(
  db: Db,
  params: { communeId: string; actorUserId: string; logo: { mimeType: string; data: Uint8Array } },
): Promise<void> {
  const { communeId, logo } = params;
  const updatedAt = new Date();
  const values = { mimeType: logo.mimeType, sizeBytes: logo.data.length, data: logo.data, updatedAt };
  await db.transaction(async (tx) => {
    await tx
      .insert(communeLogos)
      .values({ communeId, ...values })
      .onConflictDoUpdate({ target: communeLogos.communeId, set: values });
    await tx.update(communes).set({ logoUpdatedAt: updatedAt }).where(eq(communes.id, communeId));
    await recordAudit(tx, {
      communeId,
      actorUserId: params.actorUserId,
      action: "commune.logo_changed",
      targetType: "commune",
      targetId: communeId,
      details: { sizeBytes: logo.data.length },
    });
  });
}

import "server-only";
import type { Db } from "@/db/client";
import type { IsoDay } from "@/lib/planning/days";

const SKELETON = "#12 skeleton: implemented by the domain branch";

export type ReviewResult = { ok: true } | { ok: false; reason: "not_found" | "already_reviewed" };

/**
 * "Valider": a pending document of the commune becomes validated until expiresOn (null: no expiry), reviewer and
 * time recorded, audited; conditional on still being pending (two agents cannot both decide).
 */
export async function validateDocument(
  _db: Db,
  _params: { communeId: string; agentUserId: string; documentId: string; expiresOn: IsoDay | null },
): Promise<ReviewResult> {
  throw new Error(SKELETON);
}

/** "Refuser": the reason is stored, audited, and mailed to the household's subscribers (document-refused mail). */
export async function refuseDocument(
  _db: Db,
  _params: { communeId: string; agentUserId: string; documentId: string; reason: string },
): Promise<ReviewResult> {
  throw new Error(SKELETON);
}

/** "Valider la sélection": each pending one of the commune, with its type's default expiry from `today`; returns how many were validated. */
export async function validateDocuments(
  _db: Db,
  _params: { communeId: string; agentUserId: string; documentIds: readonly string[]; today: IsoDay },
): Promise<number> {
  throw new Error(SKELETON);
}

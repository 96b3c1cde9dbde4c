import "server-only";
import type { Db } from "@/db/client";

const SKELETON = "#12 skeleton: implemented by the domain branch";

/** "Clôturer le dossier": sets closedAt (starting the documents' retention), audited; false when not a household of the commune or already closed. */
export async function closeHousehold(
  _db: Db,
  _params: { communeId: string; agentUserId: string; householdId: string },
): Promise<boolean> {
  throw new Error(SKELETON);
}

/** "Rouvrir le dossier": clears closedAt, audited; false when not of the commune or not closed. */
export async function reopenHousehold(
  _db: Db,
  _params: { communeId: string; agentUserId: string; householdId: string },
): Promise<boolean> {
  throw new Error(SKELETON);
}

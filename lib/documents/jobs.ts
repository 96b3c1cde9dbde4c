import "server-only";
import type { Db } from "@/db/client";

const SKELETON = "#12 skeleton: implemented by the domain branch";

/** Mails each household whose validated document expires within a month, once per document; returns how many. */
export async function sendDocumentExpiryReminders(_db: Db, _params: { now: Date }): Promise<number> {
  throw new Error(SKELETON);
}

/**
 * Deletes the documents (rows and bytes) of households closed longer than their commune's retention, and records
 * in the audit trail what it deleted (household, count); returns how many documents were deleted.
 */
export async function purgeClosedHouseholdDocuments(_db: Db, _params: { now: Date }): Promise<number> {
  throw new Error(SKELETON);
}

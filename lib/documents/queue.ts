import "server-only";
import type { Db } from "@/db/client";
import type { DocumentState } from "@/db/schema";
import type { IsoDay } from "@/lib/planning/days";
import type { FieldChange } from "@/lib/requests/diff";

const SKELETON = "#12 skeleton: implemented by the domain branch";

export const DOCUMENT_QUEUE_PAGE_SIZE = 25;

export interface QueueRow {
  id: string;
  state: DocumentState;
  typeLabel: string;
  householdId: string | null;
  householdName: string | null;
  childName: string | null;
  createdAt: Date;
  pageCount: number | null;
  mediaType: string;
  requestId: string | null;
}

/** The commune's documents in a state (default pending), oldest first, a page at a time; optional type filter. */
export async function listDocumentQueue(
  _db: Db,
  _params: { communeId: string; state?: DocumentState; typeId?: string; page: number },
): Promise<{ rows: QueueRow[]; total: number }> {
  throw new Error(SKELETON);
}

/** What the review page shows beside the viewer. */
export interface DocumentForReview {
  id: string;
  state: DocumentState;
  fileName: string;
  mediaType: string;
  sizeBytes: number;
  pageCount: number | null;
  createdAt: Date;
  expiresOn: string | null;
  refusalReason: string | null;
  reviewedAt: Date | null;
  reviewerName: string | null;
  type: { id: string; label: string; isHealth: boolean; validityMonths: number | null };
  /** The expiry offered when validating (from the type's validity). */
  defaultExpiresOn: IsoDay | null;
  household: { id: string; name: string; subscriberCode: string | null; address: string | null } | null;
  child: { id: string; firstName: string; lastName: string } | null;
  /** The request it came with, and its changes (the IBAN diff of a bank-details change). */
  request: { id: string; reference: string; type: string; status: string; changes: FieldChange[] } | null;
  uploaderName: string | null;
}

/** The document of this id in this commune, or null. */
export async function findDocumentForReview(
  _db: Db,
  _params: { communeId: string; documentId: string; today: IsoDay },
): Promise<DocumentForReview | null> {
  throw new Error(SKELETON);
}

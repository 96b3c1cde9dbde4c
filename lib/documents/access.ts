import "server-only";
import type { Db } from "@/db/client";
import type { DocumentMediaType, Role } from "@/db/schema";

const SKELETON = "#12 skeleton: implemented by the files branch";

export interface ViewableDocument {
  id: string;
  communeId: string;
  storageKey: string;
  fileName: string;
  mediaType: DocumentMediaType;
  sizeBytes: number;
}

/**
 * The document a viewer may read: a family account subscribed to its household (or its uploader, for a RIB handed
 * in before the household exists), or an agent/admin of its commune. Null for anyone else and for an unknown id
 * alike (the routes answer 404). A staff read of a health document (type isHealth) is recorded in the audit trail.
 */
export async function findViewableDocument(
  _db: Db,
  _params: { communeId: string; viewer: { id: string; role: Role }; documentId: string },
): Promise<ViewableDocument | null> {
  throw new Error(SKELETON);
}

import "server-only";
import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { type DocumentMediaType, documents, documentTypes, type Role, subscriptions } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record";

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
  db: Db,
  params: { communeId: string; viewer: { id: string; role: Role }; documentId: string },
): Promise<ViewableDocument | null> {
  const { communeId, viewer, documentId } = params;
  const staff = viewer.role === "agent" || viewer.role === "admin";
  if (!staff && viewer.role !== "family") return null;
  const [row] = await db
    .select({
      id: documents.id,
      communeId: documents.communeId,
      storageKey: documents.storageKey,
      fileName: documents.fileName,
      mediaType: documents.mediaType,
      sizeBytes: documents.sizeBytes,
      householdId: documents.householdId,
      typeId: documents.typeId,
      childId: documents.childId,
      uploadedByUserId: documents.uploadedByUserId,
      isHealth: documentTypes.isHealth,
    })
    .from(documents)
    .innerJoin(documentTypes, and(eq(documentTypes.id, documents.typeId), eq(documentTypes.communeId, communeId)))
    .where(and(eq(documents.id, documentId), eq(documents.communeId, communeId)));
  if (!row) return null;
  const { householdId, typeId, childId, uploadedByUserId, isHealth, ...document } = row;

  if (!staff) {
    if (householdId === null) return uploadedByUserId === viewer.id ? document : null;
    const [subscribed] = await db
      .select({ userId: subscriptions.userId })
      .from(subscriptions)
      .where(
        and(
          eq(subscriptions.householdId, householdId),
          eq(subscriptions.userId, viewer.id),
          eq(subscriptions.communeId, communeId),
        ),
      )
      .limit(1);
    return subscribed ? document : null;
  }

  if (isHealth) {
    await recordAudit(db, {
      communeId,
      actorUserId: viewer.id,
      action: "document.health_read",
      targetType: "document",
      targetId: document.id,
      details: { householdId, childId, typeId },
    });
  }
  return document;
}

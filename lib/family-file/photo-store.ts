import "server-only";
import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { childPhotos, children, type Role } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record";
import { findSubscribedHouseholdId } from "@/lib/subscriptions/households";

/*
 * A child's photo is changed directly by the family (no request for the town to validate), and every change is
 * recorded in the audit trail. Who may see or change it is decided here, from the account and the commune alone:
 * the family subscribed to the child's household, or the commune's staff (read only).
 */

export interface PhotoChild {
  childId: string;
  householdId: string;
  firstName: string;
}

/** The child of this id in this household (the household already checked against the account), else null. */
export async function findHouseholdChild(
  db: Db,
  params: { communeId: string; householdId: string; childId: string },
): Promise<PhotoChild | null> {
  const [row] = await db
    .select({ childId: children.id, householdId: children.householdId, firstName: children.firstName })
    .from(children)
    .where(
      and(
        eq(children.id, params.childId),
        eq(children.householdId, params.householdId),
        eq(children.communeId, params.communeId),
      ),
    );
  return row ?? null;
}

export interface StoredPhoto {
  mimeType: string;
  data: Uint8Array;
  updatedAt: Date;
}

/**
 * The photo a viewer may see: a family account subscribed to the child's household, or an agent/admin of the
 * child's commune. Null for anyone else, for an unknown child and for a child without a photo alike.
 */
export async function findViewablePhoto(
  db: Db,
  params: { communeId: string; viewer: { id: string; role: Role }; childId: string },
): Promise<StoredPhoto | null> {
  const { communeId, viewer, childId } = params;
  if (viewer.role === "family") {
    const household = await findSubscribedHouseholdId(db, {
      communeId,
      userId: viewer.id,
      pointer: "childId",
      id: childId,
    });
    if (!household) return null;
  } else if (viewer.role !== "agent" && viewer.role !== "admin") {
    return null;
  }
  const [photo] = await db
    .select({ mimeType: childPhotos.mimeType, data: childPhotos.data, updatedAt: childPhotos.updatedAt })
    .from(childPhotos)
    .where(and(eq(childPhotos.childId, childId), eq(childPhotos.communeId, communeId)));
  return photo ?? null;
}

const auditDetails = (child: PhotoChild, operation: "replaced" | "deleted") => ({
  householdId: child.householdId,
  childId: child.childId,
  operation,
  direct: true,
  changes: [{ label: "Photo de l'enfant" }],
});

/** Stores (or replaces) the child's photo and records it, together. */
export async function saveChildPhoto(
  db: Db,
  params: { communeId: string; userId: string; child: PhotoChild; photo: { mimeType: string; data: Uint8Array } },
): Promise<void> {
  const { communeId, child, photo } = params;
  await db.transaction(async (tx) => {
    const values = { mimeType: photo.mimeType, sizeBytes: photo.data.length, data: photo.data, updatedAt: new Date() };
    await tx
      .insert(childPhotos)
      .values({ childId: child.childId, communeId, householdId: child.householdId, ...values })
      .onConflictDoUpdate({ target: childPhotos.childId, set: values });
    await recordAudit(tx, {
      communeId,
      actorUserId: params.userId,
      action: "child.photo_changed",
      targetType: "child",
      targetId: child.childId,
      details: auditDetails(child, "replaced"),
    });
  });
}

/** Removes the child's photo; false when there was none (nothing recorded then). */
export async function deleteChildPhoto(
  db: Db,
  params: { communeId: string; userId: string; child: PhotoChild },
): Promise<boolean> {
  const { communeId, child } = params;
  return db.transaction(async (tx) => {
    const deleted = await tx
      .delete(childPhotos)
      .where(
        and(
          eq(childPhotos.childId, child.childId),
          eq(childPhotos.communeId, communeId),
          eq(childPhotos.householdId, child.householdId),
        ),
      )
      .returning({ childId: childPhotos.childId });
    if (deleted.length === 0) return false;
    await recordAudit(tx, {
      communeId,
      actorUserId: params.userId,
      action: "child.photo_changed",
      targetType: "child",
      targetId: child.childId,
      details: auditDetails(child, "deleted"),
    });
    return true;
  });
}

/** For the agents' household page: which children of the household have a photo, and of when (no bytes). */
export async function listHouseholdPhotoVersions(
  db: Db,
  params: { communeId: string; householdId: string },
): Promise<Map<string, Date>> {
  const rows = await db
    .select({ childId: childPhotos.childId, updatedAt: childPhotos.updatedAt })
    .from(childPhotos)
    .where(and(eq(childPhotos.communeId, params.communeId), eq(childPhotos.householdId, params.householdId)));
  return new Map(rows.map((r) => [r.childId, r.updatedAt]));
}

import "server-only";
import { and, asc, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { type Activity, activities } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record";
import { promoteAllWaiting } from "@/lib/bookings/waiting-list";
import type { ActivitySettings } from "./schemas";

/*
 * The commune's activities as the agents manage them. Every statement is scoped by commune: an activity id of
 * another commune reads as "not found" and is never changed.
 */

const ofCommune = (communeId: string, activityId: string) =>
  and(eq(activities.id, activityId), eq(activities.communeId, communeId));

/** Every activity of the commune, current ones first; by code ("2" before "10"), those without one last, then by name. */
export async function listActivities(db: Db, params: { communeId: string }): Promise<Activity[]> {
  return db
    .select()
    .from(activities)
    .where(eq(activities.communeId, params.communeId))
    .orderBy(
      asc(activities.archived),
      sql`${activities.code} = ''`,
      sql`lpad(${activities.code}, 20, '0')`,
      asc(activities.name),
      asc(activities.id),
    );
}

export async function findActivity(
  db: Db,
  params: { communeId: string; activityId: string },
): Promise<Activity | null> {
  const [row] = await db.select().from(activities).where(ofCommune(params.communeId, params.activityId));
  return row ?? null;
}

export async function createActivity(
  db: Db,
  params: { communeId: string; actorUserId: string; input: ActivitySettings },
): Promise<Activity> {
  return db.transaction(async (tx) => {
    const [created] = await tx
      .insert(activities)
      .values({ ...params.input, communeId: params.communeId })
      .returning();
    await recordAudit(tx, {
      communeId: params.communeId,
      actorUserId: params.actorUserId,
      action: "activity.created",
      targetType: "activity",
      targetId: created!.id,
      details: { name: created!.name, code: created!.code },
    });
    return created!;
  });
}

type EditableValues = ActivitySettings & { archived: boolean };
type EditableField = keyof EditableValues;

function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * Saves the activity's settings; the audit row lists each changed field with its old and new value. Nothing is
 * written when nothing changed. Null when the activity is not of this commune.
 */
export async function updateActivity(
  db: Db,
  params: { communeId: string; actorUserId: string; activityId: string; values: EditableValues },
): Promise<Activity | null> {
  const { activityId, values } = params;
  return db.transaction(async (tx) => {
    const [current] = await tx.select().from(activities).where(ofCommune(params.communeId, activityId)).for("update");
    if (!current) return null;
    const changes = (Object.keys(values) as EditableField[])
      .filter((field) => !sameValue(current[field], values[field]))
      .map((field) => ({ field, before: current[field], after: values[field] }));
    if (changes.length === 0) return current;
    const [updated] = await tx
      .update(activities)
      .set({ ...values, updatedAt: sql`now()` })
      .where(ofCommune(params.communeId, activityId))
      .returning();
    // More places (or no limit any more): the waiting lists of the coming days get them at once.
    if (updated!.capacity === null || (current.capacity !== null && updated!.capacity > current.capacity)) {
      await promoteAllWaiting(tx, { communeId: params.communeId, activity: updated! });
    }
    await recordAudit(tx, {
      communeId: params.communeId,
      actorUserId: params.actorUserId,
      action: "activity.updated",
      targetType: "activity",
      targetId: activityId,
      details: { name: updated!.name, changes },
    });
    return updated!;
  });
}

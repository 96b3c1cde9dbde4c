import "server-only";
import { and, asc, eq, gte, ilike, lte, ne, or, type SQL } from "drizzle-orm";
import type { Db } from "@/db/client";
import { activities, children, type Enrolment, enrolments, households } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record";
import type { EnrolmentStatus } from "./labels";
import type { EnrolmentCreateInput, EnrolmentUpdateInput } from "./schemas";

/*
 * Inscriptions: which child may be booked on which activity, over which period. Children and activities are
 * looked up within the commune only; an id of another commune reads as "not found".
 */

export interface EnrolmentLine {
  id: string;
  activityId: string;
  childId: string;
  childName: string;
  birthDate: string;
  householdId: string;
  householdName: string;
  startsOn: string;
  endsOn: string;
  status: EnrolmentStatus;
}

const enrolmentLineColumns = {
  id: enrolments.id,
  childId: enrolments.childId,
  firstName: children.firstName,
  lastName: children.lastName,
  birthDate: children.birthDate,
  householdId: enrolments.householdId,
  householdName: households.name,
  startsOn: enrolments.startsOn,
  endsOn: enrolments.endsOn,
  status: enrolments.status,
  activityId: enrolments.activityId,
};

function toLine({
  firstName,
  lastName,
  ...row
}: { firstName: string; lastName: string } & Omit<EnrolmentLine, "childName">): EnrolmentLine {
  return { ...row, childName: `${firstName} ${lastName}` };
}

const linesOfCommune = (db: Db, communeId: string) =>
  db
    .select(enrolmentLineColumns)
    .from(enrolments)
    .innerJoin(children, and(eq(children.id, enrolments.childId), eq(children.communeId, communeId)))
    .innerJoin(households, and(eq(households.id, enrolments.householdId), eq(households.communeId, communeId)));

/** The activity's enrolments: enrolled children first, then the waiting ones, by name. */
export async function listEnrolments(
  db: Db,
  params: { communeId: string; activityId: string },
): Promise<EnrolmentLine[]> {
  const rows = await linesOfCommune(db, params.communeId)
    .where(and(eq(enrolments.communeId, params.communeId), eq(enrolments.activityId, params.activityId)))
    .orderBy(asc(enrolments.status), asc(children.lastName), asc(children.firstName), asc(enrolments.startsOn));
  return rows.map(toLine);
}

/** One enrolment of the commune, with its child. */
export async function findEnrolment(
  db: Db,
  params: { communeId: string; enrolmentId: string },
): Promise<EnrolmentLine | null> {
  const [row] = await linesOfCommune(db, params.communeId).where(
    and(eq(enrolments.communeId, params.communeId), eq(enrolments.id, params.enrolmentId)),
  );
  return row ? toLine(row) : null;
}

export interface ChildChoice {
  id: string;
  firstName: string;
  lastName: string;
  birthDate: string;
  householdId: string;
  householdName: string;
}

export const CHILD_SEARCH_LIMIT = 20;

/** `%` and `_` typed by the agent are searched literally. */
const containing = (text: string) => `%${text.replace(/[\\%_]/g, "\\$&")}%`;

const childChoiceColumns = {
  id: children.id,
  firstName: children.firstName,
  lastName: children.lastName,
  birthDate: children.birthDate,
  householdId: children.householdId,
  householdName: households.name,
};

const childrenOfCommune = (db: Db, communeId: string, where: SQL | undefined) =>
  db
    .select(childChoiceColumns)
    .from(children)
    .innerJoin(households, and(eq(households.id, children.householdId), eq(households.communeId, communeId)))
    .where(and(eq(children.communeId, communeId), where));

/** Children of the commune whose first or last name, or family name, contains the text; nothing for an empty text. */
export async function searchChildren(db: Db, params: { communeId: string; query: string }): Promise<ChildChoice[]> {
  if (!params.query) return [];
  const pattern = containing(params.query);
  return childrenOfCommune(
    db,
    params.communeId,
    or(ilike(children.firstName, pattern), ilike(children.lastName, pattern), ilike(households.name, pattern)),
  )
    .orderBy(asc(children.lastName), asc(children.firstName), asc(children.id))
    .limit(CHILD_SEARCH_LIMIT);
}

export async function findChildOfCommune(
  db: Db,
  params: { communeId: string; childId: string },
): Promise<ChildChoice | null> {
  const [row] = await childrenOfCommune(db, params.communeId, eq(children.id, params.childId));
  return row ?? null;
}

export type EnrolmentWriteResult =
  | { ok: true; enrolment: Enrolment }
  | { ok: false; reason: "activity_not_found" | "child_not_found" | "enrolment_not_found" | "overlap" };

/**
 * Another enrolment of the child at the activity sharing a day with the period. The child's row is locked
 * first, so two agents enrolling the same child at once cannot both pass this check.
 */
async function overlaps(
  tx: Db,
  p: { communeId: string; childId: string; activityId: string; startsOn: string; endsOn: string; exceptId?: string },
) {
  await tx
    .select({ id: children.id })
    .from(children)
    .where(and(eq(children.id, p.childId), eq(children.communeId, p.communeId)))
    .for("update");
  const [other] = await tx
    .select({ id: enrolments.id })
    .from(enrolments)
    .where(
      and(
        eq(enrolments.communeId, p.communeId),
        eq(enrolments.childId, p.childId),
        eq(enrolments.activityId, p.activityId),
        lte(enrolments.startsOn, p.endsOn),
        gte(enrolments.endsOn, p.startsOn),
        p.exceptId ? ne(enrolments.id, p.exceptId) : undefined,
      ),
    )
    .limit(1);
  return Boolean(other);
}

/** Enrols a child of the commune at one of its activities; the household is the child's. */
export async function createEnrolment(
  db: Db,
  params: { communeId: string; actorUserId: string; input: EnrolmentCreateInput },
): Promise<EnrolmentWriteResult> {
  const { communeId, input } = params;
  return db.transaction(async (tx) => {
    const [activity] = await tx
      .select({ id: activities.id })
      .from(activities)
      .where(and(eq(activities.id, input.activityId), eq(activities.communeId, communeId)));
    if (!activity) return { ok: false, reason: "activity_not_found" } as const;
    const child = await findChildOfCommune(tx, { communeId, childId: input.childId });
    if (!child) return { ok: false, reason: "child_not_found" } as const;
    if (await overlaps(tx, { communeId, ...input })) return { ok: false, reason: "overlap" } as const;

    const [enrolment] = await tx
      .insert(enrolments)
      .values({
        communeId,
        householdId: child.householdId,
        childId: child.id,
        activityId: activity.id,
        startsOn: input.startsOn,
        endsOn: input.endsOn,
        status: input.status,
      })
      .returning();
    await recordAudit(tx, {
      communeId,
      actorUserId: params.actorUserId,
      action: "enrolment.created",
      targetType: "enrolment",
      targetId: enrolment!.id,
      details: {
        householdId: child.householdId,
        childId: child.id,
        activityId: activity.id,
        startsOn: input.startsOn,
        endsOn: input.endsOn,
        status: input.status,
      },
    });
    return { ok: true, enrolment: enrolment! } as const;
  });
}

/**
 * Changes an enrolment's period or state. Existing bookings are left as they are: the agents decide what
 * happens to days outside the new period.
 */
export async function updateEnrolment(
  db: Db,
  params: { communeId: string; actorUserId: string; input: EnrolmentUpdateInput },
): Promise<EnrolmentWriteResult> {
  const { communeId, input } = params;
  return db.transaction(async (tx) => {
    const ofCommune = and(eq(enrolments.id, input.enrolmentId), eq(enrolments.communeId, communeId));
    const [current] = await tx.select().from(enrolments).where(ofCommune).for("update");
    if (!current) return { ok: false, reason: "enrolment_not_found" } as const;
    const before = { startsOn: current.startsOn, endsOn: current.endsOn, status: current.status };
    const after = { startsOn: input.startsOn, endsOn: input.endsOn, status: input.status };
    if (JSON.stringify(before) === JSON.stringify(after)) return { ok: true, enrolment: current } as const;
    if (
      await overlaps(tx, {
        communeId,
        childId: current.childId,
        activityId: current.activityId,
        ...after,
        exceptId: current.id,
      })
    ) {
      return { ok: false, reason: "overlap" } as const;
    }
    const [updated] = await tx.update(enrolments).set(after).where(ofCommune).returning();
    await recordAudit(tx, {
      communeId,
      actorUserId: params.actorUserId,
      action: "enrolment.updated",
      targetType: "enrolment",
      targetId: current.id,
      details: {
        householdId: current.householdId,
        childId: current.childId,
        activityId: current.activityId,
        before,
        after,
      },
    });
    return { ok: true, enrolment: updated! } as const;
  });
}

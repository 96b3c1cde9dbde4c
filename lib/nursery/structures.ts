import "server-only";
import { and, asc, eq, gt, inArray, or, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import {
  activities,
  type NurseryAgeGroup,
  type NurseryKind,
  nurseryApplications,
  nurseryCapacities,
  nurserySettings,
  nurseryStructures,
} from "@/db/schema";
import { recordAudit } from "@/lib/audit/record";
import { AGE_GROUPS } from "./age-groups";

/* The commune's crèches, their places per age group, and the module's settings. */

export type NurseryStructureLine = {
  id: string;
  name: string;
  kind: NurseryKind;
  address: string | null;
  activityId: string;
  active: boolean;
};

export const DEFAULT_NURSERY_SETTINGS = { offerResponseDays: 8, confirmationMonths: 3 } as const;

/** Opening hours of a structure's planning activity: a crèche opens Monday to Friday, all day. */
const CRECHE_DAY = { weekdays: [1, 2, 3, 4, 5], startTime: "07:30", endTime: "18:30" } as const;

/**
 * A structure with its planning activity (category "Petite enfance", so an enrolled child appears in the family's
 * planning) and its places per age group, in one transaction. Returns the structure's id.
 */
export async function createNurseryStructure(
  db: Db,
  params: {
    communeId: string;
    actorUserId: string | null;
    name: string;
    kind: NurseryKind;
    address?: string | null;
    capacities: Partial<Record<NurseryAgeGroup, number>>;
  },
): Promise<string> {
  const { communeId } = params;
  return db.transaction(async (tx) => {
    const [activity] = await tx
      .insert(activities)
      .values({
        communeId,
        name: params.name,
        facility: params.name,
        category: "petite_enfance",
        weekdays: [...CRECHE_DAY.weekdays],
        startTime: CRECHE_DAY.startTime,
        endTime: CRECHE_DAY.endTime,
        color: "#7c3aed",
        capacity: null,
      })
      .returning({ id: activities.id });
    const [position] = await tx
      .select({ next: sql<number>`coalesce(max(${nurseryStructures.position}), 0) + 1` })
      .from(nurseryStructures)
      .where(eq(nurseryStructures.communeId, communeId));
    const [structure] = await tx
      .insert(nurseryStructures)
      .values({
        communeId,
        name: params.name,
        kind: params.kind,
        address: params.address ?? null,
        activityId: activity!.id,
        position: Number(position?.next ?? 1),
      })
      .returning({ id: nurseryStructures.id });
    await tx.insert(nurseryCapacities).values(
      AGE_GROUPS.map((ageGroup) => ({
        communeId,
        structureId: structure!.id,
        ageGroup,
        places: params.capacities[ageGroup] ?? 0,
      })),
    );
    await recordAudit(tx, {
      communeId,
      actorUserId: params.actorUserId,
      action: "nursery.structure_created",
      targetType: "nursery_structure",
      targetId: structure!.id,
      details: { name: params.name, capacities: params.capacities },
    });
    return structure!.id;
  });
}

/** The commune's structures in their order; `activeOnly` for the family's choices. */
export async function listNurseryStructures(
  db: Db,
  params: { communeId: string; activeOnly?: boolean },
): Promise<NurseryStructureLine[]> {
  return db
    .select({
      id: nurseryStructures.id,
      name: nurseryStructures.name,
      kind: nurseryStructures.kind,
      address: nurseryStructures.address,
      activityId: nurseryStructures.activityId,
      active: nurseryStructures.active,
    })
    .from(nurseryStructures)
    .where(
      and(
        eq(nurseryStructures.communeId, params.communeId),
        params.activeOnly ? eq(nurseryStructures.active, true) : undefined,
      ),
    )
    .orderBy(asc(nurseryStructures.position), asc(nurseryStructures.name));
}

/** The commune's settings, or the defaults (8 days to answer, a confirmation every 3 months). */
export async function getNurserySettings(
  db: Db,
  params: { communeId: string },
): Promise<{ offerResponseDays: number; confirmationMonths: number }> {
  const [row] = await db
    .select({
      offerResponseDays: nurserySettings.offerResponseDays,
      confirmationMonths: nurserySettings.confirmationMonths,
    })
    .from(nurserySettings)
    .where(eq(nurserySettings.communeId, params.communeId));
  return row ?? { ...DEFAULT_NURSERY_SETTINGS };
}

export type CapacityUsage = { structureId: string; ageGroup: NurseryAgeGroup; places: number; held: number };

/**
 * A place is held by an offer still open at `now` and by an accepted place. `structureIds`: only those (the
 * offer transaction reads its one structure, under the capacity row's lock).
 */
export async function capacityUsage(
  db: Db,
  params: { communeId: string; now: Date; structureIds?: readonly string[] },
): Promise<CapacityUsage[]> {
  const held = db
    .select({
      structureId: nurseryApplications.offeredStructureId,
      ageGroup: nurseryApplications.ageGroup,
      count: sql<number>`count(*)::int`.as("count"),
    })
    .from(nurseryApplications)
    .where(
      and(
        eq(nurseryApplications.communeId, params.communeId),
        or(
          eq(nurseryApplications.status, "accepted"),
          and(eq(nurseryApplications.status, "offered"), gt(nurseryApplications.offerExpiresAt, params.now)),
        ),
      ),
    )
    .groupBy(nurseryApplications.offeredStructureId, nurseryApplications.ageGroup)
    .as("held");
  const rows = await db
    .select({
      structureId: nurseryCapacities.structureId,
      ageGroup: nurseryCapacities.ageGroup,
      places: nurseryCapacities.places,
      held: sql<number>`coalesce(${held.count}, 0)`,
    })
    .from(nurseryCapacities)
    .leftJoin(
      held,
      and(eq(held.structureId, nurseryCapacities.structureId), eq(held.ageGroup, nurseryCapacities.ageGroup)),
    )
    .where(
      and(
        eq(nurseryCapacities.communeId, params.communeId),
        params.structureIds ? inArray(nurseryCapacities.structureId, [...params.structureIds]) : undefined,
      ),
    );
  return rows.map((row) => ({ ...row, held: Number(row.held) }));
}

import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { type NurseryAgeGroup, nurseryCapacities, nurserySettings, nurseryStructures } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record";
import { AGE_GROUPS } from "./age-groups";

/*
 * The admins' settings of the module: a structure's places per age group and whether families may still choose it,
 * and the commune's delays. Each change is audited in its transaction. (A new structure: createNurseryStructure.)
 */

/** A structure's places per age group and its "active" flag; false when the structure is not of this commune. */
export async function updateNurseryStructure(
  db: Db,
  params: {
    communeId: string;
    actorUserId: string;
    structureId: string;
    active: boolean;
    places: Record<NurseryAgeGroup, number>;
  },
): Promise<boolean> {
  const { communeId, structureId } = params;
  return db.transaction(async (tx) => {
    const [structure] = await tx
      .update(nurseryStructures)
      .set({ active: params.active, updatedAt: sql`now()` })
      .where(and(eq(nurseryStructures.id, structureId), eq(nurseryStructures.communeId, communeId)))
      .returning({ id: nurseryStructures.id, name: nurseryStructures.name });
    if (!structure) return false;
    for (const ageGroup of AGE_GROUPS)
      await tx
        .insert(nurseryCapacities)
        .values({ communeId, structureId, ageGroup, places: params.places[ageGroup] })
        .onConflictDoUpdate({
          target: [nurseryCapacities.structureId, nurseryCapacities.ageGroup],
          set: { places: params.places[ageGroup] },
        });
    await recordAudit(tx, {
      communeId,
      actorUserId: params.actorUserId,
      action: "nursery.structure_changed",
      targetType: "nursery_structure",
      targetId: structureId,
      details: { name: structure.name, active: params.active, capacities: params.places },
    });
    return true;
  });
}

/** "Délai de réponse des familles" and "Confirmation des demandes", kept per commune. */
export async function saveNurserySettings(
  db: Db,
  params: { communeId: string; actorUserId: string; offerResponseDays: number; confirmationMonths: number },
): Promise<void> {
  const values = { offerResponseDays: params.offerResponseDays, confirmationMonths: params.confirmationMonths };
  await db.transaction(async (tx) => {
    await tx
      .insert(nurserySettings)
      .values({ communeId: params.communeId, ...values })
      .onConflictDoUpdate({ target: nurserySettings.communeId, set: { ...values, updatedAt: sql`now()` } });
    await recordAudit(tx, {
      communeId: params.communeId,
      actorUserId: params.actorUserId,
      action: "nursery.settings_changed",
      targetType: "commune",
      targetId: params.communeId,
      details: values,
    });
  });
}

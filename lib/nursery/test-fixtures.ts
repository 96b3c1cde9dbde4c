import type { Db } from "@/db/client";
import { type NurseryApplication, nurseryApplications, requests } from "@/db/schema";
import { insertSubscribedFamily } from "@/lib/documents/test-fixtures";
import { allocateRequestReference } from "@/lib/requests/records";
import { insertCommune } from "@/lib/testing/fixtures";
import { ageGroupAt } from "./age-groups";
import { createNurseryStructure } from "./structures";

/*
 * Fixtures of the crèche module's integration tests: a commune with two structures and a subscribed family, and
 * applications written directly (request + application), in any state.
 */

/** A commune, a family subscribed to its household (with an agent), and two structures with a few places. */
export async function insertNurseryCommune(db: Db, places: { bebes?: number; moyens?: number; grands?: number } = {}) {
  const commune = await insertCommune(db);
  const family = await insertSubscribedFamily(db, commune.id);
  const capacities = { bebes: 1, moyens: 2, grands: 2, ...places };
  const structure = await createNurseryStructure(db, {
    communeId: commune.id,
    actorUserId: null,
    name: "Multi-accueil Les Petits Loups",
    kind: "multi_accueil",
    capacities,
  });
  const otherStructure = await createNurseryStructure(db, {
    communeId: commune.id,
    actorUserId: null,
    name: "Crèche familiale Les Lucioles",
    kind: "creche_familiale",
    capacities,
  });
  return { commune, structure, otherStructure, ...family };
}

/**
 * A pending application for a child to be born (by default) of the household, wishing `structureIds`; `set`
 * overrides any column (status, offer…). Its request is written as the family's flow would.
 */
export async function insertNurseryApplication(
  db: Db,
  params: {
    communeId: string;
    householdId: string;
    userId: string;
    structureIds: string[];
    expectedBirthOn?: string;
    desiredStartOn?: string;
    set?: Partial<typeof nurseryApplications.$inferInsert>;
  },
): Promise<NurseryApplication & { reference: string }> {
  const expectedBirthOn = params.expectedBirthOn ?? "2027-05-02";
  const desiredStartOn = params.desiredStartOn ?? "2027-09-01";
  return db.transaction(async (tx) => {
    const reference = await allocateRequestReference(tx, params.communeId);
    const applicationId = crypto.randomUUID();
    const [request] = await tx
      .insert(requests)
      .values({
        communeId: params.communeId,
        householdId: params.householdId,
        createdByUserId: params.userId,
        type: "nursery.application",
        reference,
        targetType: "nursery_application",
        targetId: applicationId,
        subject: "Enfant à naître",
        payload: {},
      })
      .returning({ id: requests.id });
    const [application] = await tx
      .insert(nurseryApplications)
      .values({
        id: applicationId,
        communeId: params.communeId,
        householdId: params.householdId,
        requestId: request!.id,
        expectedBirthOn,
        unbornLastName: "MARTIN",
        guardianSituations: [
          { guardianId: crypto.randomUUID(), name: "Claire MARTIN", situation: "En activité", employer: null },
        ],
        careType: "regulier",
        schedule: [1, 2, 4].map((weekday) => ({ weekday, start: "08:00", end: "17:30" })),
        desiredStartOn,
        ageGroup: ageGroupAt(expectedBirthOn, desiredStartOn) ?? "bebes",
        wishedStructureIds: params.structureIds,
        confirmedAt: new Date(),
        ...params.set,
      })
      .returning();
    return { ...application!, reference };
  });
}

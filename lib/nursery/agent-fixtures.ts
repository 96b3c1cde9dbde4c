import { randomUUID } from "node:crypto";
import type { Db } from "@/db/client";
import {
  type NurseryAgeGroup,
  type NurseryApplicationStatus,
  type NurseryCareType,
  nurseryApplications,
  requests,
} from "@/db/schema";
import { insertFamily, insertTown } from "@/lib/bookings/test-fixtures";
import { allocateRequestReference } from "@/lib/requests/records";
import { createNurseryStructure } from "./structures";
import { requestStatusFor } from "./transitions";

/*
 * Test rows of the town side: a commune with an agent and structures, and applications written straight into the
 * tables (request + application), in any state, without going through the family's form.
 */

/** A commune with an agent and two structures: "Les Petits Loups" (1 bébé, 2 moyens, 2 grands), "Pirouette" (1/1/1). */
export async function insertNurseryTown(db: Db) {
  const town = await insertTown(db);
  const petitsLoups = await createNurseryStructure(db, {
    communeId: town.commune.id,
    actorUserId: null,
    name: "Multi-accueil Les Petits Loups",
    kind: "multi_accueil",
    address: "2 rue des Écoles",
    capacities: { bebes: 1, moyens: 2, grands: 2 },
  });
  const pirouette = await createNurseryStructure(db, {
    communeId: town.commune.id,
    actorUserId: null,
    name: "Micro-crèche Pirouette",
    kind: "micro_creche",
    capacities: { bebes: 1, moyens: 1, grands: 1 },
  });
  return { ...town, structures: { petitsLoups, pirouette } };
}

/**
 * An application of a new household of the commune (with a subscribed account, so mails have a recipient) for a
 * child to be born, in `status` (an offer made in the past expires in 8 days).
 */
export async function insertNurseryApplication(
  db: Db,
  params: {
    communeId: string;
    wishes: string[];
    ageGroup?: NurseryAgeGroup;
    careType?: NurseryCareType;
    desiredStartOn?: string;
    status?: NurseryApplicationStatus;
    offeredStructureId?: string;
    offerExpiresAt?: Date;
    householdId?: string;
  },
) {
  const family = params.householdId ? null : await insertFamily(db, params.communeId);
  const householdId = params.householdId ?? family!.household.id;
  const status = params.status ?? "submitted";
  const applicationId = randomUUID();
  return db.transaction(async (tx) => {
    const reference = await allocateRequestReference(tx, params.communeId);
    const [request] = await tx
      .insert(requests)
      .values({
        communeId: params.communeId,
        householdId,
        createdByUserId: family?.user.id ?? null,
        type: "nursery.application",
        reference,
        status: requestStatusFor(status),
        targetType: "nursery_application",
        targetId: applicationId,
        subject: "l'enfant à naître",
        payload: {},
      })
      .returning();
    const [application] = await tx
      .insert(nurseryApplications)
      .values({
        id: applicationId,
        communeId: params.communeId,
        householdId,
        requestId: request!.id,
        expectedBirthOn: "2027-05-02",
        unbornFirstName: "Lou",
        guardianSituations: [],
        careType: params.careType ?? "regulier",
        schedule: [
          { weekday: 1, start: "08:00", end: "17:30" },
          { weekday: 2, start: "08:00", end: "17:30" },
        ],
        desiredStartOn: params.desiredStartOn ?? "2027-09-01",
        ageGroup: params.ageGroup ?? "bebes",
        wishedStructureIds: params.wishes,
        status,
        confirmedAt: new Date("2027-01-04T09:00:00Z"),
        offeredStructureId: params.offeredStructureId ?? null,
        offerExpiresAt: params.offerExpiresAt ?? null,
        offeredStartOn: params.offeredStructureId ? (params.desiredStartOn ?? "2027-09-01") : null,
      })
      .returning();
    return { application: application!, request: request!, family };
  });
}

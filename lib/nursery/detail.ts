import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Db } from "@/db/client";
import {
  children,
  households,
  type NurseryAgeGroup,
  type NurseryApplicationStatus,
  type NurseryCareType,
  type NurseryGuardianSituation,
  type NurseryScheduleDay,
  nurseryApplications,
  nurseryStructures,
  requests,
} from "@/db/schema";
import type { IsoDay } from "@/lib/planning/days";
import { AGE_GROUP_LABELS } from "./age-groups";
import { type ConfirmationState, confirmationStatus, offerLastDay } from "./deadlines";
import { applicationChild, applicationHousehold, applicationRequest } from "./joins";
import { APPLICATION_STATUS_LABELS, CARE_TYPE_LABELS } from "./labels";
import { nurseryChildName } from "./mails";
import { getNurserySettings } from "./structures";

/** One application as the family's page, the agent's file and the mails show it. */
export type NurseryApplicationDetail = {
  id: string;
  requestId: string;
  reference: string;
  householdId: string;
  householdName: string;
  status: NurseryApplicationStatus;
  statusLabel: string;
  child: {
    /** Null for a child to be born (until the family accepts a place). */
    id: string | null;
    /** "Léa MARTIN" or "l'enfant à naître (naissance prévue le 02/05/2027)". */
    name: string;
    /** The birth date, or the expected one. */
    birthOn: IsoDay;
    born: boolean;
  };
  guardianSituations: NurseryGuardianSituation[];
  careType: NurseryCareType;
  careTypeLabel: string;
  schedule: NurseryScheduleDay[];
  desiredStartOn: IsoDay;
  ageGroup: NurseryAgeGroup;
  ageGroupLabel: string;
  /** In the family's order of preference. */
  wishes: { rank: number; structureId: string; name: string }[];
  comment: string | null;
  confirmation: { confirmedAt: Date; dueOn: IsoDay; state: ConfirmationState };
  commissionOn: IsoDay | null;
  /** The place proposed (status offered) or taken (accepted). */
  offer: {
    structureId: string;
    structureName: string;
    startOn: IsoDay;
    schedule: NurseryScheduleDay[];
    expiresAt: Date;
    /** The last day to answer, inclusive. */
    lastDay: IsoDay;
  } | null;
  waitingRank: number | null;
  refusalReason: string | null;
  createdAt: Date;
};

const offeredStructures = alias(nurseryStructures, "offered_structure");

/**
 * One application of the commune, with `householdId` one of that household only (the family's pages); null
 * otherwise. Three round trips whatever the application: the application with its request, child and offer;
 * the wished structures' names; the commune's confirmation period.
 */
export async function getNurseryApplication(
  db: Db,
  params: { communeId: string; applicationId: string; householdId?: string; now: Date },
): Promise<NurseryApplicationDetail | null> {
  const { communeId } = params;
  const [row] = await db
    .select({
      application: nurseryApplications,
      reference: requests.reference,
      householdName: households.name,
      child: {
        id: children.id,
        firstName: children.firstName,
        lastName: children.lastName,
        birthDate: children.birthDate,
      },
      offeredStructureName: offeredStructures.name,
    })
    .from(nurseryApplications)
    .innerJoin(requests, applicationRequest)
    .innerJoin(households, applicationHousehold)
    .leftJoin(children, applicationChild)
    .leftJoin(
      offeredStructures,
      and(eq(offeredStructures.id, nurseryApplications.offeredStructureId), eq(offeredStructures.communeId, communeId)),
    )
    .where(
      and(
        eq(nurseryApplications.id, params.applicationId),
        eq(nurseryApplications.communeId, communeId),
        params.householdId ? eq(nurseryApplications.householdId, params.householdId) : undefined,
      ),
    );
  if (!row) return null;
  const a = row.application;
  const [structures, settings] = await Promise.all([
    db
      .select({ id: nurseryStructures.id, name: nurseryStructures.name })
      .from(nurseryStructures)
      .where(and(eq(nurseryStructures.communeId, communeId), inArray(nurseryStructures.id, a.wishedStructureIds))),
    getNurserySettings(db, { communeId }),
  ]);
  const born = row.child !== null;
  const birthOn = row.child?.birthDate ?? a.expectedBirthOn ?? "";
  return {
    id: a.id,
    requestId: a.requestId,
    reference: row.reference,
    householdId: a.householdId,
    householdName: row.householdName,
    status: a.status,
    statusLabel: APPLICATION_STATUS_LABELS[a.status],
    child: {
      id: row.child?.id ?? null,
      name: nurseryChildName({
        firstName: row.child?.firstName ?? a.unbornFirstName,
        lastName: row.child?.lastName ?? a.unbornLastName,
        expectedBirthOn: a.expectedBirthOn,
        born,
      }),
      birthOn,
      born,
    },
    guardianSituations: a.guardianSituations,
    careType: a.careType,
    careTypeLabel: CARE_TYPE_LABELS[a.careType],
    schedule: a.schedule,
    desiredStartOn: a.desiredStartOn,
    ageGroup: a.ageGroup,
    ageGroupLabel: AGE_GROUP_LABELS[a.ageGroup],
    wishes: a.wishedStructureIds.flatMap((structureId, index) => {
      const structure = structures.find((s) => s.id === structureId);
      return structure ? [{ rank: index + 1, structureId, name: structure.name }] : [];
    }),
    comment: a.comment,
    confirmation: {
      confirmedAt: a.confirmedAt,
      ...confirmationStatus({ confirmedAt: a.confirmedAt, months: settings.confirmationMonths, now: params.now }),
    },
    commissionOn: a.commissionOn,
    offer:
      (a.status === "offered" || a.status === "accepted") &&
      a.offeredStructureId &&
      a.offerExpiresAt &&
      a.offeredStartOn
        ? {
            structureId: a.offeredStructureId,
            structureName: row.offeredStructureName ?? "",
            startOn: a.offeredStartOn,
            schedule: a.offeredSchedule ?? [],
            expiresAt: a.offerExpiresAt,
            lastDay: offerLastDay(a.offerExpiresAt),
          }
        : null,
    waitingRank: a.status === "waiting_list" ? a.waitingRank : null,
    refusalReason: a.status === "refused" ? a.refusalReason : null,
    createdAt: a.createdAt,
  };
}

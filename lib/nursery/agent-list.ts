import "server-only";
import { and, asc, count, eq, gte, inArray, lte, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import {
  children,
  households,
  type NurseryAgeGroup,
  type NurseryApplicationStatus,
  type NurseryCareType,
  type NurseryScheduleDay,
  nurseryApplications,
  requests,
} from "@/db/schema";
import type { IsoDay } from "@/lib/planning/days";
import { AGE_GROUPS } from "./age-groups";
import { applicationChild, applicationHousehold, applicationRequest } from "./joins";
import { OPEN_STATUSES } from "./labels";
import { nurseryChildName } from "./mails";
import { capacityUsage, listNurseryStructures, type NurseryStructureLine } from "./structures";

/*
 * The agents' reads of the applications: the filtered list (a page at a time) and the demand per structure and
 * age group beside the places. A bounded number of queries whatever the number of applications.
 */

export const NURSERY_LIST_PAGE_SIZE = 25;

export type NurseryListFilters = {
  structureId?: string;
  /** "2027-09": the desired start date's month. */
  month?: string;
  ageGroup?: NurseryAgeGroup;
  careType?: NurseryCareType;
  /** Null: every state. */
  statuses: readonly NurseryApplicationStatus[] | null;
};

export type NurseryListRow = {
  id: string;
  reference: string;
  householdId: string;
  householdName: string;
  childName: string;
  ageGroup: NurseryAgeGroup;
  careType: NurseryCareType;
  schedule: NurseryScheduleDay[];
  desiredStartOn: IsoDay;
  /** In the family's order of preference. */
  wishes: { structureId: string; name: string }[];
  status: NurseryApplicationStatus;
  waitingRank: number | null;
  createdAt: Date;
  /** The application's version: the commission's decision carries it (changed since → refused). */
  updatedAt: Date;
};

function lastDayOfMonth(month: string): IsoDay {
  const [y, m] = month.split("-").map(Number) as [number, number];
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
}

/**
 * The commune's applications matching the filters, oldest first (the order the commission takes them in), a page
 * at a time, with the commune's structures (for the wishes' names and the filter). Three queries.
 */
export async function listNurseryApplications(
  db: Db,
  params: { communeId: string; filters: NurseryListFilters; page: number; pageSize?: number },
): Promise<{ rows: NurseryListRow[]; total: number; structures: NurseryStructureLine[] }> {
  const { communeId, filters } = params;
  const pageSize = params.pageSize ?? NURSERY_LIST_PAGE_SIZE;
  const page = Number.isInteger(params.page) && params.page > 1 ? params.page : 1;
  const where = and(
    eq(nurseryApplications.communeId, communeId),
    filters.statuses ? inArray(nurseryApplications.status, [...filters.statuses]) : undefined,
    filters.structureId
      ? sql`${filters.structureId}::uuid = any(${nurseryApplications.wishedStructureIds})`
      : undefined,
    filters.month ? gte(nurseryApplications.desiredStartOn, `${filters.month}-01`) : undefined,
    filters.month ? lte(nurseryApplications.desiredStartOn, lastDayOfMonth(filters.month)) : undefined,
    filters.ageGroup ? eq(nurseryApplications.ageGroup, filters.ageGroup) : undefined,
    filters.careType ? eq(nurseryApplications.careType, filters.careType) : undefined,
  );
  const [rows, [total], structures] = await Promise.all([
    db
      .select({
        application: nurseryApplications,
        reference: requests.reference,
        householdName: households.name,
        childFirstName: children.firstName,
        childLastName: children.lastName,
      })
      .from(nurseryApplications)
      .innerJoin(requests, applicationRequest)
      .innerJoin(households, applicationHousehold)
      .leftJoin(children, applicationChild)
      .where(where)
      .orderBy(asc(nurseryApplications.createdAt), asc(nurseryApplications.id))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    db.select({ n: count() }).from(nurseryApplications).where(where),
    listNurseryStructures(db, { communeId }),
  ]);
  const names = new Map(structures.map((s) => [s.id, s.name]));
  return {
    rows: rows.map(({ application: a, reference, householdName, childFirstName, childLastName }) => ({
      id: a.id,
      reference,
      householdId: a.householdId,
      householdName,
      childName: nurseryChildName({
        firstName: childFirstName ?? a.unbornFirstName,
        lastName: childLastName ?? a.unbornLastName ?? householdName,
        expectedBirthOn: a.expectedBirthOn,
        born: childFirstName !== null,
      }),
      ageGroup: a.ageGroup,
      careType: a.careType,
      schedule: a.schedule,
      desiredStartOn: a.desiredStartOn,
      wishes: a.wishedStructureIds.map((structureId) => ({ structureId, name: names.get(structureId) ?? "–" })),
      status: a.status,
      waitingRank: a.waitingRank,
      createdAt: a.createdAt,
      updatedAt: a.updatedAt,
    })),
    total: total?.n ?? 0,
    structures,
  };
}

/** One cell of "Demandes par structure et tranche d'âge". */
export type DemandLine = {
  structureId: string;
  structureName: string;
  active: boolean;
  ageGroup: NurseryAgeGroup;
  /** Applications submitted or on the waiting list that wish this structure, of this age group. */
  waiting: number;
  places: number;
  /** Places held: accepted, or offered and still open. */
  held: number;
};

/** Per structure (in their order) and age group: the demand, the places and the places given. Three queries. */
export async function nurseryDemand(db: Db, params: { communeId: string; now: Date }): Promise<DemandLine[]> {
  const wished = sql<string>`unnest(${nurseryApplications.wishedStructureIds})`;
  const [structures, usage, demand] = await Promise.all([
    listNurseryStructures(db, { communeId: params.communeId }),
    capacityUsage(db, { communeId: params.communeId, now: params.now }),
    db
      .select({ structureId: wished.as("structure_id"), ageGroup: nurseryApplications.ageGroup, n: count() })
      .from(nurseryApplications)
      .where(
        and(
          eq(nurseryApplications.communeId, params.communeId),
          inArray(nurseryApplications.status, [...OPEN_STATUSES]),
        ),
      )
      .groupBy(sql`1`, nurseryApplications.ageGroup),
  ]);
  const key = (structureId: string, ageGroup: string) => `${structureId}/${ageGroup}`;
  const used = new Map(usage.map((u) => [key(u.structureId, u.ageGroup), u]));
  const waiting = new Map(demand.map((d) => [key(d.structureId, d.ageGroup), Number(d.n)]));
  return structures.flatMap((structure) =>
    AGE_GROUPS.map((ageGroup) => {
      const u = used.get(key(structure.id, ageGroup));
      return {
        structureId: structure.id,
        structureName: structure.name,
        active: structure.active,
        ageGroup,
        waiting: waiting.get(key(structure.id, ageGroup)) ?? 0,
        places: u?.places ?? 0,
        held: u?.held ?? 0,
      };
    }),
  );
}

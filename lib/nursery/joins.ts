import { and, eq } from "drizzle-orm";
import { children, households, nurseryApplications, nurseryStructures, requests } from "@/db/schema";

/*
 * How an application meets its request, household, child and offered structure in a query: always within the
 * application's own commune (and household, for the child), so no join can reach another tenant's row.
 */

export const applicationRequest = and(
  eq(requests.id, nurseryApplications.requestId),
  eq(requests.communeId, nurseryApplications.communeId),
);

export const applicationHousehold = and(
  eq(households.id, nurseryApplications.householdId),
  eq(households.communeId, nurseryApplications.communeId),
);

/** A left join: a child to be born has none until the family accepts a place. */
export const applicationChild = and(
  eq(children.id, nurseryApplications.childId),
  eq(children.communeId, nurseryApplications.communeId),
  eq(children.householdId, nurseryApplications.householdId),
);

/** A left join: only an offered or accepted application has one. */
export const applicationOfferedStructure = and(
  eq(nurseryStructures.id, nurseryApplications.offeredStructureId),
  eq(nurseryStructures.communeId, nurseryApplications.communeId),
);

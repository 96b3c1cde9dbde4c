import "server-only";
import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { activities, requests } from "@/db/schema";
import { schoolYearEnd } from "@/lib/nursery/enrolment-period";
import type { IsoDay } from "@/lib/planning/days";
import { addRequestEvent, allocateRequestReference } from "@/lib/requests/records";
import type { WishedService } from "./schemas";
import { activityForWish } from "./wished-activities";

export const ENROLMENT_REQUEST = "enrolment.create";

/** What an "enrolment.create" request holds: the child, the activity and the period the agent confirms. */
export interface EnrolmentRequestPayload extends Record<string, unknown> {
  childId: string;
  childName: string;
  activityId: string;
  activityName: string;
  service: WishedService;
  startsOn: IsoDay;
  endsOn: IsoDay;
}

/**
 * Accepting a new family (on the decision's transaction): each service ticked in step 3 becomes a pending
 * "enrolment.create" request of the new household, for the commune's matching activity, from today to the end of
 * the school year. A service the commune runs no activity for asks nothing. Returns the references created.
 */
export async function createWishedEnrolmentRequests(
  tx: Db,
  params: {
    communeId: string;
    householdId: string;
    familyUserId: string | null;
    agentUserId: string;
    children: { id: string; firstName: string; lastName: string; school: string | null }[];
    wishes: WishedService[][];
    today: IsoDay;
  },
): Promise<string[]> {
  const { communeId, householdId } = params;
  if (!params.wishes.some((w) => w.length > 0)) return [];
  const offered = await tx
    .select({
      id: activities.id,
      name: activities.name,
      facility: activities.facility,
      category: activities.category,
      weekdays: activities.weekdays,
      startTime: activities.startTime,
    })
    .from(activities)
    .where(and(eq(activities.communeId, communeId), eq(activities.archived, false)));
  const references: string[] = [];
  for (const [index, child] of params.children.entries()) {
    for (const service of params.wishes[index] ?? []) {
      const activity = activityForWish(service, child.school, offered);
      if (!activity) continue;
      const childName = `${child.firstName} ${child.lastName}`;
      const payload: EnrolmentRequestPayload = {
        childId: child.id,
        childName,
        activityId: activity.id,
        activityName: `${activity.name} (${activity.facility})`,
        service,
        startsOn: params.today,
        endsOn: schoolYearEnd(params.today),
      };
      const reference = await allocateRequestReference(tx, communeId);
      const [row] = await tx
        .insert(requests)
        .values({
          communeId,
          householdId,
          createdByUserId: params.familyUserId,
          type: ENROLMENT_REQUEST,
          reference,
          targetType: "enrolment",
          // The future enrolment's id: confirming the request creates it with this id.
          targetId: randomUUID(),
          subject: `${childName} – ${activity.name}`,
          payload,
        })
        .returning({ id: requests.id });
      await addRequestEvent(tx, {
        communeId,
        requestId: row!.id,
        kind: "created",
        side: "town",
        actorUserId: params.agentUserId,
        message: "Demandée lors de la pré-inscription de la famille.",
      });
      references.push(reference);
    }
  }
  return references;
}

import "server-only";
import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import {
  children,
  communes,
  enrolments,
  households,
  nurseryApplications,
  nurseryStructures,
  requests,
} from "@/db/schema";
import { recordAudit } from "@/lib/audit/record";
import { mailCommuneColumns } from "@/lib/communes/mail-commune";
import { formatDate } from "@/lib/format";
import { type IsoDay, parisDay } from "@/lib/planning/days";
import { isOfferOpen } from "./deadlines";
import { nurseryEnrolmentEnd } from "./enrolment-period";
import { applicationChild, applicationHousehold, applicationOfferedStructure, applicationRequest } from "./joins";
import { deliverNurseryMails, enqueueNurseryMail, nurseryChildName, renderNurseryMail } from "./mails";
import { moveApplication } from "./transitions";

/*
 * The family's answer to a proposed place, while the commune's delay runs: accepting creates the child if it was
 * to be born, enrols it on the structure's planning activity and mails the family; declining closes the
 * application. The application's row is locked first, so an answer and the expiry job (lib/nursery/jobs.ts)
 * cannot both apply.
 */

export type NurseryBirth = { firstName: string; sex: "F" | "M"; birthDate: IsoDay };

export type OfferAnswerResult =
  | { ok: true; reference: string; childId: string | null }
  | { ok: false; reason: "not_found" | "not_offered" | "expired" | "birth_required" | "birth_after_today" };

type Scope = {
  communeId: string;
  householdId: string;
  /** The family's account; null when the town records a paper answer (the demo's seed). */
  userId: string | null;
  applicationId: string;
  now: Date;
};

/** The application of this household and commune, with what the answer and its mail need. */
async function readOffer(db: Db, p: Scope) {
  const [row] = await db
    .select({
      application: nurseryApplications,
      reference: requests.reference,
      householdName: households.name,
      child: { firstName: children.firstName, lastName: children.lastName, birthDate: children.birthDate },
      structure: { name: nurseryStructures.name, activityId: nurseryStructures.activityId },
      commune: mailCommuneColumns,
    })
    .from(nurseryApplications)
    .innerJoin(communes, eq(communes.id, nurseryApplications.communeId))
    .innerJoin(requests, applicationRequest)
    .innerJoin(households, applicationHousehold)
    .leftJoin(children, applicationChild)
    .leftJoin(nurseryStructures, applicationOfferedStructure)
    .where(
      and(
        eq(nurseryApplications.id, p.applicationId),
        eq(nurseryApplications.communeId, p.communeId),
        eq(nurseryApplications.householdId, p.householdId),
      ),
    );
  return row ?? null;
}

type Offer = NonNullable<Awaited<ReturnType<typeof readOffer>>>;

/** Why the offer cannot be answered now, or null. */
function offerRefusal(offer: Offer | null, now: Date): Exclude<OfferAnswerResult, { ok: true }> | null {
  if (!offer) return { ok: false, reason: "not_found" };
  const { application } = offer;
  if (application.status !== "offered" || !application.offerExpiresAt || !offer.structure)
    return { ok: false, reason: "not_offered" };
  if (!isOfferOpen(application.offerExpiresAt, now)) return { ok: false, reason: "expired" };
  return null;
}

/** Locks the application inside the transaction and checks again that its offer is still open. */
async function lockOpenOffer(tx: Db, p: Scope) {
  const [locked] = await tx
    .select({ status: nurseryApplications.status, offerExpiresAt: nurseryApplications.offerExpiresAt })
    .from(nurseryApplications)
    .where(
      and(
        eq(nurseryApplications.id, p.applicationId),
        eq(nurseryApplications.communeId, p.communeId),
        eq(nurseryApplications.householdId, p.householdId),
      ),
    )
    .for("update");
  if (locked?.status !== "offered") return { ok: false, reason: "not_offered" } as const;
  if (!locked.offerExpiresAt || !isOfferOpen(locked.offerExpiresAt, p.now))
    return { ok: false, reason: "expired" } as const;
  return null;
}

/**
 * "Accepter la place": one transaction. For a child to be born, `birth` is required and the child is created in
 * the household (last name: the one given with the application, else the household's). The child is enrolled on
 * the structure's activity from the offered start to the eve of school entry, the application moves to accepted
 * with its child, and the "accepted" mail goes to the household's accounts.
 */
export async function acceptNurseryOffer(
  db: Db,
  params: Scope & { birth?: NurseryBirth | null },
): Promise<OfferAnswerResult> {
  const { communeId, householdId, now } = params;
  const offer = await readOffer(db, params);
  const refusal = offerRefusal(offer, now);
  if (refusal || !offer) return refusal ?? { ok: false, reason: "not_found" };
  const { application } = offer;
  const structure = offer.structure!;
  const born = application.childId !== null && offer.child !== null;
  if (!born && !params.birth) return { ok: false, reason: "birth_required" };
  const birth = born ? null : params.birth!;
  if (birth && birth.birthDate > parisDay(now)) return { ok: false, reason: "birth_after_today" };

  const lastName = birth ? (application.unbornLastName ?? offer.householdName) : offer.child!.lastName;
  const firstName = birth ? birth.firstName : offer.child!.firstName;
  const birthOn = birth ? birth.birthDate : offer.child!.birthDate;
  const startsOn = application.offeredStartOn ?? application.desiredStartOn;
  const mail = await renderNurseryMail(offer.commune, "accepted", {
    applicationId: application.id,
    reference: offer.reference,
    childName: nurseryChildName({ firstName, lastName, expectedBirthOn: birthOn, born: true }),
    structureName: structure.name,
    startOn: startsOn,
    schedule: application.offeredSchedule,
  });

  const outcome = await db.transaction(async (tx) => {
    const stale = await lockOpenOffer(tx, params);
    if (stale) return { result: stale, mailIds: [] as string[] };
    let childId = application.childId;
    if (birth) {
      const [child] = await tx
        .insert(children)
        .values({ communeId, householdId, lastName, firstName, birthDate: birth.birthDate, sex: birth.sex })
        .returning({ id: children.id });
      childId = child!.id;
    }
    const [enrolment] = await tx
      .insert(enrolments)
      .values({
        communeId,
        householdId,
        childId: childId!,
        activityId: structure.activityId,
        startsOn,
        endsOn: nurseryEnrolmentEnd(birthOn, startsOn),
      })
      .onConflictDoNothing({ target: [enrolments.childId, enrolments.activityId, enrolments.startsOn] })
      .returning();
    if (enrolment)
      await recordAudit(tx, {
        communeId,
        actorUserId: params.userId,
        action: "enrolment.created",
        targetType: "enrolment",
        targetId: enrolment.id,
        details: {
          householdId,
          childId,
          activityId: structure.activityId,
          startsOn: enrolment.startsOn,
          endsOn: enrolment.endsOn,
          status: enrolment.status,
          nurseryApplicationId: application.id,
        },
      });
    await moveApplication(tx, {
      communeId,
      applicationId: application.id,
      householdId,
      from: ["offered"],
      to: "accepted",
      side: "family",
      actorUserId: params.userId,
      event: "accepted",
      message: `Place acceptée : ${structure.name} à partir du ${formatDate(startsOn)}`,
      details: { childId, structureId: application.offeredStructureId },
      set: {
        childId,
        ...(birth ? { expectedBirthOn: birth.birthDate, unbornFirstName: birth.firstName } : {}),
      },
    });
    const mailIds = await enqueueNurseryMail(tx, { communeId, householdId, mail });
    return { result: { ok: true, reference: offer.reference, childId } as const, mailIds };
  });
  await deliverNurseryMails(db, outcome.mailIds);
  return outcome.result;
}

/** "Décliner la place": the application closes as declined (the place goes back to the commission's count). */
export async function declineNurseryOffer(db: Db, params: Scope): Promise<OfferAnswerResult> {
  const offer = await readOffer(db, params);
  const refusal = offerRefusal(offer, params.now);
  if (refusal || !offer) return refusal ?? { ok: false, reason: "not_found" };
  return db.transaction(async (tx) => {
    const stale = await lockOpenOffer(tx, params);
    if (stale) return stale;
    await moveApplication(tx, {
      communeId: params.communeId,
      applicationId: params.applicationId,
      householdId: params.householdId,
      from: ["offered"],
      to: "declined",
      side: "family",
      actorUserId: params.userId,
      event: "withdrawn",
      message: "Place déclinée par la famille",
      details: { structureId: offer.application.offeredStructureId },
    });
    return { ok: true, reference: offer.reference, childId: offer.application.childId } as const;
  });
}

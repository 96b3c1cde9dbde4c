import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import {
  children,
  households,
  mailOutbox,
  nurseryApplications,
  requestEvents,
  requests,
  subscriptions,
} from "@/db/schema";
import { insertNurseryApplication, weekOf } from "@/db/seed-nursery";
import { insertTown } from "@/lib/bookings/test-fixtures";
import { type IsoDay, parisDay } from "@/lib/planning/days";
import { insertUser } from "@/lib/testing/fixtures";
import { offerExpiresAt } from "./deadlines";
import { OPEN_STATUSES } from "./labels";
import { createNurseryStructure, DEFAULT_NURSERY_SETTINGS } from "./structures";
import { moveApplication } from "./transitions";

/* The answer's and the jobs' tests: a commune with one crèche, families, and applications in a chosen state. */

export async function insertNurseryTown(db: Db) {
  const town = await insertTown(db);
  const name = "Multi-accueil Les Petits Loups";
  const structureId = await createNurseryStructure(db, {
    communeId: town.commune.id,
    actorUserId: town.agent.id,
    name,
    kind: "multi_accueil",
    capacities: { bebes: 2, moyens: 2, grands: 2 },
  });
  const structure = await db.query.nurseryStructures.findFirst({ where: (s, { eq }) => eq(s.id, structureId) });
  return { ...town, structure: { id: structureId, name, activityId: structure!.activityId } };
}

let counter = 0;

/** A household of the commune with a subscribed account and, unless `childless`, one child born 2026-06-01. */
export async function insertNurseryFamily(db: Db, communeId: string, options: { childless?: boolean } = {}) {
  const name = `CRECHE${++counter}`;
  const [household] = await db
    .insert(households)
    .values({ communeId, name, subscriberCode: `CRC${counter}`.padEnd(10, "Z") })
    .returning();
  const user = await insertUser(db, communeId, "family");
  await db.insert(subscriptions).values({ communeId, userId: user.id, householdId: household!.id, method: "agent" });
  const kids = options.childless
    ? []
    : await db
        .insert(children)
        .values({
          communeId,
          householdId: household!.id,
          lastName: name,
          firstName: "Jules",
          birthDate: "2026-06-01",
          sex: "M",
        })
        .returning();
  return { household: household!, user, children: kids };
}

export type NurseryTown = Awaited<ReturnType<typeof insertNurseryTown>>;

/**
 * A subscribed family's application sent at `sentAt`: for its child born 2026-06-01, or (`unborn`) for a baby
 * expected on 2026-12-20.
 */
export async function insertApplication(
  db: Db,
  town: NurseryTown,
  options: { unborn?: boolean; sentAt: Date; startOn?: IsoDay },
) {
  const family = await insertNurseryFamily(db, town.commune.id, { childless: options.unborn });
  const child = family.children[0];
  const application = await insertNurseryApplication(db, {
    communeId: town.commune.id,
    householdId: family.household.id,
    userId: family.user.id,
    child: child
      ? { id: child.id, firstName: child.firstName, lastName: child.lastName, birthOn: "2026-06-01" }
      : { id: null, firstName: null, lastName: family.household.name, birthOn: "2026-12-20" },
    careType: "regulier",
    schedule: weekOf("08:30", "17:30"),
    desiredStartOn: options.startOn ?? "2027-02-01",
    wishedStructureIds: [town.structure.id],
    confirmedAt: options.sentAt,
  });
  return { family, ...application };
}

/**
 * The town's crèche offered from `startOn` at `decidedAt` (8 days to answer), written directly as the commission
 * leaves it, without its mail (the commission's own tests check the mails).
 */
export async function offer(
  db: Db,
  town: NurseryTown,
  applicationId: string,
  decidedAt: Date,
  startOn: IsoDay = "2027-02-01",
) {
  await db.transaction((tx) =>
    moveApplication(tx, {
      communeId: town.commune.id,
      applicationId,
      from: OPEN_STATUSES,
      to: "offered",
      side: "town",
      actorUserId: town.agent.id,
      event: "message",
      message: `Place proposée : ${town.structure.name}`,
      set: {
        commissionOn: parisDay(decidedAt),
        decidedByUserId: town.agent.id,
        offeredStructureId: town.structure.id,
        offeredStartOn: startOn,
        offeredSchedule: weekOf("08:30", "17:30"),
        offerExpiresAt: offerExpiresAt(decidedAt, DEFAULT_NURSERY_SETTINGS.offerResponseDays),
      },
    }),
  );
}

export async function applicationRow(db: Db, applicationId: string) {
  const [row] = await db.select().from(nurseryApplications).where(eq(nurseryApplications.id, applicationId));
  return row!;
}

/** The request's status and its history's kinds and messages, oldest first. */
export async function requestState(db: Db, requestId: string) {
  const [request] = await db.select().from(requests).where(eq(requests.id, requestId));
  const events = await db
    .select({ kind: requestEvents.kind, side: requestEvents.actorSide, message: requestEvents.message })
    .from(requestEvents)
    .where(eq(requestEvents.requestId, requestId))
    .orderBy(requestEvents.createdAt, requestEvents.id);
  return { status: request!.status, unread: request!.familyUnreadCount, events };
}

/** The subjects of the crèche mails of the commune. */
export async function nurseryMails(db: Db, communeId: string) {
  const rows = await db
    .select({ to: mailOutbox.to, subject: mailOutbox.subject, text: mailOutbox.text })
    .from(mailOutbox)
    .where(and(eq(mailOutbox.communeId, communeId), eq(mailOutbox.template, "nursery-application-mail")));
  return rows;
}

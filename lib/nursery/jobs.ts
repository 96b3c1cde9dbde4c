import "server-only";
import { and, asc, eq, inArray, isNull, lte, or, type SQL, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import {
  children,
  communes,
  households,
  type NurseryApplication,
  nurseryApplications,
  nurserySettings,
  nurseryStructures,
  requests,
} from "@/db/schema";
import { mailCommuneColumns } from "@/lib/communes/mail-commune";
import { formatDate } from "@/lib/format";
import { parisTime } from "@/lib/planning/days";
import { confirmationStatus } from "./deadlines";
import { applicationChild, applicationHousehold, applicationOfferedStructure, applicationRequest } from "./joins";
import { OPEN_STATUSES } from "./labels";
import { enqueueNurseryMail, type NurseryMailEvent, nurseryChildName, renderNurseryMail } from "./mails";
import { DEFAULT_NURSERY_SETTINGS } from "./structures";
import { moveApplication } from "./transitions";

/*
 * The crèche module's three jobs, run by the maintenance job (lib/jobs/maintenance.ts) on every instance by the
 * portal's clock, idempotent and safe to run concurrently: each application is claimed by a conditional UPDATE
 * (moveApplication's `from` statuses, or the reminder's still-empty column) in the transaction that writes its
 * mail to the outbox, so two instances never mail or move it twice.
 * - expireNurseryOffers: an offer left unanswered past its delay goes back to the commission;
 * - lapseUnconfirmedApplications: an open application not confirmed by its due day lapses;
 * - sendNurseryConfirmationReminders: from 15 days before the due day, one reminder per confirmation period.
 */

/** Families are not mailed reminders in the night (the moves themselves happen at once). */
export const CONFIRMATION_REMINDER_FROM = "08:00";
/** Applications per query; the job runs every minute, so a longer backlog is taken by the next runs. */
const BATCH_SIZE = 200;

const confirmationMonths = sql<number>`coalesce(${nurserySettings.confirmationMonths}, ${DEFAULT_NURSERY_SETTINGS.confirmationMonths})`;

/** An application with what its mail needs, and the commune's confirmation period. */
function candidates(db: Db, where: SQL | undefined) {
  return db
    .select({
      application: nurseryApplications,
      reference: requests.reference,
      householdName: households.name,
      child: { firstName: children.firstName, lastName: children.lastName },
      structureName: nurseryStructures.name,
      months: confirmationMonths,
      commune: mailCommuneColumns,
    })
    .from(nurseryApplications)
    .innerJoin(communes, eq(communes.id, nurseryApplications.communeId))
    .innerJoin(requests, applicationRequest)
    .innerJoin(households, applicationHousehold)
    .leftJoin(children, applicationChild)
    .leftJoin(nurseryStructures, applicationOfferedStructure)
    .leftJoin(nurserySettings, eq(nurserySettings.communeId, nurseryApplications.communeId))
    .where(where)
    .orderBy(asc(nurseryApplications.updatedAt), asc(nurseryApplications.id))
    .limit(BATCH_SIZE);
}

type Candidate = Awaited<ReturnType<typeof candidates>>[number];

function childNameOf(row: Candidate): string {
  const { application, child } = row;
  return child?.firstName
    ? nurseryChildName({ ...child, expectedBirthOn: null, born: true })
    : nurseryChildName({
        firstName: application.unbornFirstName,
        lastName: application.unbornLastName ?? row.householdName,
        expectedBirthOn: application.expectedBirthOn,
        born: false,
      });
}

/**
 * Renders each row's mail, then moves or claims each one in its own transaction with its mail; `claim` returns
 * false when another instance (or the family) was first. Returns how many were claimed.
 */
async function processEach(
  db: Db,
  rows: readonly Candidate[],
  mailOf: (row: Candidate) => { event: NurseryMailEvent; deadline?: string | null; withOffer?: boolean },
  claim: (tx: Db, row: Candidate) => Promise<NurseryApplication | null | boolean>,
): Promise<number> {
  let done = 0;
  for (const row of rows) {
    const { event, deadline, withOffer } = mailOf(row);
    const { application } = row;
    // Rendered before the transaction, never under its row locks.
    const mail = await renderNurseryMail(row.commune, event, {
      applicationId: application.id,
      reference: row.reference,
      childName: childNameOf(row),
      structureName: withOffer ? row.structureName : null,
      startOn: withOffer ? application.offeredStartOn : null,
      deadline: deadline ?? null,
    });
    const claimed = await db.transaction(async (tx) => {
      if (!(await claim(tx, row))) return false;
      await enqueueNurseryMail(tx, {
        communeId: application.communeId,
        householdId: application.householdId,
        mail,
      });
      return true;
    });
    if (claimed) done++;
  }
  return done;
}

/**
 * Offers left unanswered past their delay: back to "submitted" (the place returns to the commission), the offer's
 * fields cleared, a message in the history and the "offer_expired" mail. Returns how many.
 */
export async function expireNurseryOffers(db: Db, params: { now: Date }): Promise<number> {
  const rows = await candidates(
    db,
    and(eq(nurseryApplications.status, "offered"), lte(nurseryApplications.offerExpiresAt, params.now)),
  );
  return processEach(
    db,
    rows,
    () => ({ event: "offer_expired", withOffer: true }),
    (tx, row) =>
      moveApplication(tx, {
        communeId: row.application.communeId,
        applicationId: row.application.id,
        from: ["offered"],
        to: "submitted",
        side: "town",
        actorUserId: null,
        event: "message",
        message: "Délai de réponse dépassé : la place retourne à la commission.",
        details: { expiredStructureId: row.application.offeredStructureId },
        set: { offeredStructureId: null, offeredStartOn: null, offeredSchedule: null, offerExpiresAt: null },
      }),
  );
}

/**
 * Open applications whose confirmation may be due by `now`: the SQL bound is a day wider than the rule (it counts
 * in UTC); confirmationStatus then decides in Paris days.
 */
function confirmationCandidates(db: Db, now: Date, daysBeforeDue: number, extra?: SQL) {
  return candidates(
    db,
    and(
      inArray(nurseryApplications.status, [...OPEN_STATUSES]),
      sql`${nurseryApplications.confirmedAt} + make_interval(months => ${confirmationMonths}, days => ${sql.raw(String(-daysBeforeDue - 1))}) <= ${now.toISOString()}::timestamptz`,
      extra,
    ),
  );
}

const stateOf = (row: Candidate, now: Date) =>
  confirmationStatus({ confirmedAt: row.application.confirmedAt, months: Number(row.months), now });

/**
 * Open applications not confirmed by their due day: lapsed, with a message in the history and the "lapsed" mail.
 * The move checks that the family has not confirmed meanwhile (same confirmedAt). Returns how many.
 */
export async function lapseUnconfirmedApplications(db: Db, params: { now: Date }): Promise<number> {
  const rows = (await confirmationCandidates(db, params.now, 0)).filter(
    (row) => stateOf(row, params.now).state === "lapsed",
  );
  return processEach(
    db,
    rows,
    (row) => ({ event: "lapsed", deadline: stateOf(row, params.now).dueOn }),
    async (tx, row) => {
      const { application } = row;
      const [unchanged] = await tx
        .select({ id: nurseryApplications.id })
        .from(nurseryApplications)
        .where(
          and(
            eq(nurseryApplications.id, application.id),
            eq(nurseryApplications.communeId, application.communeId),
            eq(nurseryApplications.confirmedAt, application.confirmedAt),
          ),
        )
        .for("update");
      if (!unchanged) return false;
      return moveApplication(tx, {
        communeId: application.communeId,
        applicationId: application.id,
        from: OPEN_STATUSES,
        to: "lapsed",
        side: "town",
        actorUserId: null,
        event: "withdrawn",
        message: `Demande caduque : non confirmée avant le ${formatDate(stateOf(row, params.now).dueOn)}.`,
      });
    },
  );
}

/**
 * From 15 days before the due day (and from 08:00), the "confirmation_reminder" mail once per confirmation period:
 * claimed by setting confirmation_reminder_sent_at while it is still empty and the application still open and
 * unconfirmed since (a confirmation empties it again). Returns how many were mailed.
 */
export async function sendNurseryConfirmationReminders(db: Db, params: { now: Date }): Promise<number> {
  if (parisTime(params.now) < CONFIRMATION_REMINDER_FROM) return 0;
  const rows = (
    await confirmationCandidates(
      db,
      params.now,
      15,
      or(
        isNull(nurseryApplications.confirmationReminderSentAt),
        sql`${nurseryApplications.confirmationReminderSentAt} < ${nurseryApplications.confirmedAt}`,
      ),
    )
  ).filter((row) => stateOf(row, params.now).state === "reminder_due");
  return processEach(
    db,
    rows,
    (row) => ({ event: "confirmation_reminder", deadline: stateOf(row, params.now).dueOn }),
    async (tx, row) => {
      const { application } = row;
      const claimed = await tx
        .update(nurseryApplications)
        .set({ confirmationReminderSentAt: params.now })
        .where(
          and(
            eq(nurseryApplications.id, application.id),
            eq(nurseryApplications.communeId, application.communeId),
            inArray(nurseryApplications.status, [...OPEN_STATUSES]),
            eq(nurseryApplications.confirmedAt, application.confirmedAt),
            application.confirmationReminderSentAt
              ? eq(nurseryApplications.confirmationReminderSentAt, application.confirmationReminderSentAt)
              : isNull(nurseryApplications.confirmationReminderSentAt),
          ),
        )
        .returning({ id: nurseryApplications.id });
      return claimed.length > 0;
    },
  );
}

/** The three in the order that keeps them apart: expiries, then lapses, then the reminders of what is left. */
export async function runNurseryJobs(
  db: Db,
  params: { now: Date },
): Promise<{ offersExpired: number; lapsed: number; reminders: number }> {
  const offersExpired = await expireNurseryOffers(db, params);
  const lapsed = await lapseUnconfirmedApplications(db, params);
  const reminders = await sendNurseryConfirmationReminders(db, params);
  return { offersExpired, lapsed, reminders };
}

import "server-only";
import { randomUUID } from "node:crypto";
import { and, eq, gte, inArray, lte } from "drizzle-orm";
import type { Db } from "@/db/client";
import {
  type Activity,
  activities,
  type BookingStatus,
  bookingEvents,
  bookings,
  type Child,
  children,
  type Enrolment,
  enrolments,
  requests,
} from "@/db/schema";
import { currentTime } from "@/lib/clock";
import { pipelined } from "@/lib/database/pipelined";
import { retryOnAbort } from "@/lib/database/retry";
import { MEDICAL_CERTIFICATE_CODE } from "@/lib/documents/codes";
import type { PreparedDocument } from "@/lib/documents/prepared";
import { storeDocument } from "@/lib/documents/store-document";
import { findDocumentTypeByCode } from "@/lib/documents/types";
import { formatDate } from "@/lib/format";
import { StaleMailError, transactionWithRenderedMail } from "@/lib/mail/prerendered";
import { deliverPendingMail, enqueueRenderedMails } from "@/lib/mail/send-mail";
import type { IsoDay } from "@/lib/planning/days";
import { activityLabel } from "@/lib/planning/labels";
import { type DayContext, type DayPlan, periodDays, planPeriod } from "@/lib/planning/period";
import { isPending, PENDING_STATUSES } from "@/lib/planning/slot-state";
import { addRequestEvents, assignRequestReference, provisionalReference } from "@/lib/requests/records";
import type { BookingRequestType } from "@/lib/requests/types";
import { insertBookingDays } from "./booking-rows";
import { type AckRecipient, acknowledgementBody, acknowledgementSubject } from "./mails";
import { newDayStatuses } from "./new-day-status";
import { activityRules, loadClosureCalendar } from "./rules-context";
import { settleAs } from "./settle";
import type { DayResult, SlotRequestInput } from "./types";
import { changePlaces, lockActivityDays, placesTaken, promoteWaitingList } from "./waiting-list";

/*
 * A family asks for one day or a period: every matching day gets a verdict (requested, waiting list, refused
 * and why), and the days that may be asked become one request, its days and their history, all or nothing.
 */

type FieldErrors = Record<string, string>;
export type PreviewResult = { ok: true; days: DayResult[] } | { ok: false; fieldErrors: FieldErrors };
export type SubmitResult =
  | { ok: true; request: { id: string; reference: string } | null; results: DayResult[] }
  | { ok: false; fieldErrors: FieldErrors };

interface Scope {
  communeId: string;
  householdId: string;
}

interface Prepared {
  child: Child;
  activity: Activity;
  enrolment: Enrolment;
  days: IsoDay[];
}

/** The child of this household, its enrolment in the activity covering the period, and the days asked; or why not. */
async function prepare(
  db: Db,
  scope: Scope,
  input: SlotRequestInput,
): Promise<{ ok: true; value: Prepared } | { ok: false; fieldErrors: FieldErrors }> {
  // The child and its enrolments in the activity, in one read scoped to the household (no row: not its child).
  const found = await db
    .select({ child: children, enrolment: enrolments, activity: activities })
    .from(children)
    .leftJoin(
      enrolments,
      and(
        eq(enrolments.childId, children.id),
        eq(enrolments.communeId, scope.communeId),
        eq(enrolments.householdId, scope.householdId),
        eq(enrolments.activityId, input.activityId),
      ),
    )
    .leftJoin(
      activities,
      and(
        eq(activities.id, enrolments.activityId),
        eq(activities.communeId, scope.communeId),
        eq(activities.archived, false),
      ),
    )
    .where(
      and(
        eq(children.id, input.childId),
        eq(children.communeId, scope.communeId),
        eq(children.householdId, scope.householdId),
      ),
    );
  const child = found[0]?.child;
  const rows = found.flatMap(({ enrolment, activity }) => (enrolment && activity ? [{ enrolment, activity }] : []));
  if (!child) return { ok: false, fieldErrors: { childId: "Enfant introuvable dans votre dossier famille." } };
  if (rows.length === 0)
    return { ok: false, fieldErrors: { activityId: `${child.firstName} n'est pas inscrit(e) à cette activité.` } };
  const covering = rows.find((r) => r.enrolment.startsOn <= input.from && r.enrolment.endsOn >= input.to);
  if (!covering) {
    const periods = rows
      .map((r) => `du ${formatDate(r.enrolment.startsOn)} au ${formatDate(r.enrolment.endsOn)}`)
      .join(" ou ");
    const message = `Les dates doivent être comprises dans la période de l'inscription (${periods}).`;
    // The message goes next to the date that falls outside: the start when no enrolment holds it, else the end.
    const startInside = rows.some((r) => r.enrolment.startsOn <= input.from && input.from <= r.enrolment.endsOn);
    return { ok: false, fieldErrors: startInside ? { to: message } : { from: message } };
  }
  if (covering.enrolment.status !== "active") {
    return {
      ok: false,
      fieldErrors: {
        activityId:
          "L'inscription à cette activité est en liste d'attente : les demandes ne sont pas encore possibles.",
      },
    };
  }
  const days = periodDays(input.from, input.to, input.weekdays, covering.activity.weekdays);
  if (days.length === 0)
    return { ok: false, fieldErrors: { weekdays: "L'activité n'a lieu aucun des jours cochés dans cette période." } };
  return { ok: true, value: { child, activity: covering.activity, enrolment: covering.enrolment, days } };
}

type Calendar = Pick<DayContext, "closures" | "publicHolidays">;

/** The closures and public holidays around the days asked (no writer locks the activity for them). */
async function loadCalendar(db: Db, scope: Scope, value: Prepared): Promise<Calendar> {
  const calendar = await loadClosureCalendar(db, {
    communeId: scope.communeId,
    activityIds: [value.activity.id],
    from: value.days[0]!,
    to: value.days.at(-1)!,
  });
  return { closures: calendar.closuresOf(value.activity.id), publicHolidays: calendar.publicHolidays };
}

/** The child's existing slots at the activity over the days asked. */
async function loadStatuses(db: Db, scope: Scope, value: Prepared): Promise<Map<IsoDay, BookingStatus>> {
  const existing = await db
    .select({ date: bookings.date, status: bookings.status })
    .from(bookings)
    .where(
      and(
        eq(bookings.communeId, scope.communeId),
        eq(bookings.childId, value.child.id),
        eq(bookings.activityId, value.activity.id),
        gte(bookings.date, value.days[0]!),
        lte(bookings.date, value.days.at(-1)!),
      ),
    );
  return new Map(existing.map((b) => [b.date, b.status]));
}

const contextOf = (
  value: Prepared,
  calendar: Calendar,
  statuses: ReadonlyMap<IsoDay, BookingStatus>,
  now: Date,
): DayContext => ({ activity: activityRules(value.activity), enrolment: value.enrolment, ...calendar, statuses, now });

function refusedResult(plan: DayPlan): DayResult {
  return { day: plan.day, outcome: "refused", reason: plan.ok ? null : plan.reason };
}

/** What a request would do, day by day, without creating anything (the period form's preview). */
export async function previewSlotRequest(
  db: Db,
  p: Scope & { input: SlotRequestInput; now?: Date },
): Promise<PreviewResult> {
  const now = p.now ?? currentTime();
  const prepared = await prepare(db, p, p.input);
  if (!prepared.ok) return prepared;
  const { activity, days } = prepared.value;
  const [calendar, statuses] = await Promise.all([
    loadCalendar(db, p, prepared.value),
    loadStatuses(db, p, prepared.value),
  ]);
  const plans = planPeriod(p.input.kind, days, contextOf(prepared.value, calendar, statuses, now));
  const taken =
    p.input.kind === "booking" && activity.capacity !== null
      ? await placesTaken(db, { communeId: p.communeId, activityId: activity.id, days })
      : new Map<IsoDay, number>();
  return {
    ok: true,
    days: plans.map((plan): DayResult => {
      if (!plan.ok) return refusedResult(plan);
      if (p.input.kind === "absence")
        return {
          day: plan.day,
          outcome: "absence_requested",
          reason: plan.billed ? "Absence hors délai : elle sera facturée." : null,
        };
      const full = activity.capacity !== null && (taken.get(plan.day) ?? 0) >= activity.capacity;
      return full
        ? {
            day: plan.day,
            outcome: "waiting",
            reason: "Activité complète ce jour-là : la demande sera mise en liste d'attente.",
          }
        : { day: plan.day, outcome: "requested", reason: null };
    }),
  };
}

/**
 * Creates the request for the days that may be asked; returns every day's outcome. Nothing is created when none may.
 * `certificate` (an absence only; ignored for a booking): the medical certificate, stored in the same transaction
 * as a MEDICAL_CERTIFICATE_CODE document of the child with the request, and set as the justification of the
 * request's days — a justified absence, never billed.
 */
export async function submitSlotRequest(
  db: Db,
  p: Scope & {
    userId: string;
    /** The account's acknowledgement address and greeting (`acknowledgementRecipientOf`, from its session). */
    recipient: AckRecipient;
    input: SlotRequestInput;
    now?: Date;
    certificate?: PreparedDocument;
    /** How the acknowledgement leaves once committed; at once by default (server actions: deliverAfterResponse). */
    deliver?: (mailIds: string[]) => unknown;
  },
): Promise<SubmitResult> {
  const now = p.now ?? currentTime();
  const prepared = await prepare(db, p, p.input);
  if (!prepared.ok) return prepared;
  const value = prepared.value;
  const { child, days } = value;
  const kind = p.input.kind;
  const { recipient } = p;
  const [certificateType, calendar, statuses] = await Promise.all([
    kind === "absence" && p.certificate
      ? findDocumentTypeByCode(db, { communeId: p.communeId, code: MEDICAL_CERTIFICATE_CODE })
      : null,
    loadCalendar(db, p, value),
    loadStatuses(db, p, value),
  ]);
  const childName = `${child.firstName} ${child.lastName}`;
  const planOf = (activity: Activity, current: ReadonlyMap<IsoDay, BookingStatus>): Snapshot => ({
    activity,
    plans: planPeriod(kind, days, contextOf({ ...value, activity }, calendar, current, now)),
  });
  // The acknowledgement is rendered before the transaction, from the snapshot read without locks: none of the
  // locks below (the activity, the commune's reference counter) waits for the render.
  const acknowledgement = ({ activity, plans }: Snapshot) =>
    acknowledgementBody(recipient, {
      kind,
      activityLabel: activityLabel(activity),
      requestedAt: now,
      lines: plans.flatMap((plan) =>
        plan.ok
          ? [{ day: plan.day, startTime: activity.startTime, kind, childName, activityLabel: activityLabel(activity) }]
          : [],
      ),
    });

  const run = () =>
    transactionWithRenderedMail(
      db,
      planOf(value.activity, statuses),
      acknowledgement,
      async (tx, mail, made): Promise<{ result: SubmitResult; mailId?: string | null }> => {
        const asked = made.plans.filter((plan): plan is AskedPlan => plan.ok);
        if (asked.length === 0) return { result: { ok: true, request: null, results: made.plans.map(refusedResult) } };

        const requestId = randomUUID();
        const label = activityLabel(made.activity);
        const event = { communeId: p.communeId, requestId, side: "family" as const, actorUserId: p.userId };
        const days = asked.map((d) => d.day);
        // One round trip, in this order (each call below sends its statement at once): the request, its history and
        // its mail first — nobody else waits on these rows —, then the locks, then the reads, which run once the
        // locks are held: the statuses and places they see cannot change until commit.
        const [, , [mailId], activity, current, taken] = await pipelined([
          insertRequest(tx, {
            id: requestId,
            communeId: p.communeId,
            householdId: p.householdId,
            createdByUserId: p.userId,
            type: (kind === "booking" ? "booking.add" : "booking.absence") satisfies BookingRequestType,
            reference: provisionalReference(requestId),
            targetType: "booking_request",
            targetId: randomUUID(),
            subject: `${childName} — ${label}`,
            payload: {
              kind,
              childId: child.id,
              activityId: made.activity.id,
              from: p.input.from,
              to: p.input.to,
              weekdays: p.input.weekdays,
              days,
              billedDays: asked.filter((d) => d.billed).map((d) => d.day),
              refused: made.plans.filter((d) => !d.ok).map((d) => ({ day: d.day, reason: d.ok ? null : d.reason })),
            },
            createdAt: now,
            updatedAt: now,
          }),
          addRequestEvents(tx, [
            { ...event, kind: "created" },
            { ...event, kind: "transmitted" },
          ]),
          mail
            ? enqueueRenderedMails(tx, [
                {
                  communeId: p.communeId,
                  to: recipient.email,
                  subject: acknowledgementSubject(recipient),
                  template: "booking-acknowledgement",
                  ...mail,
                },
              ])
            : [],
          lockActivityDays(tx, { communeId: p.communeId, activityId: made.activity.id, days }),
          loadStatuses(tx, p, value),
          kind === "booking"
            ? placesTaken(tx, { communeId: p.communeId, activityId: made.activity.id, days })
            : new Map<IsoDay, number>(),
        ]);
        if (!activity) throw new ActivityGoneError();
        const fresh = planOf(activity, current);
        // What was written and mailed must be what the locked rows allow: else all of it again from them.
        if (snapshotKey(fresh) !== snapshotKey(made)) throw new StaleMailError(fresh);
        const settleAccepted = () =>
          settleAs(tx, {
            communeId: p.communeId,
            requestIds: [requestId],
            deciderUserId: null,
            now,
            status: "accepted",
          });
        // Last: the commune's reference counter stays locked only until the commit.
        const drawReference = () => assignRequestReference(tx, { communeId: p.communeId, requestId, at: now });
        let outcomes: Map<IsoDay, DayResult>;
        let reference: string;
        if (kind === "booking") {
          // The places read under the locks decide every day's status, so whether the request waits for the town
          // is known before its days are written: days, settlement and reference go together, one round trip
          // while the days stay locked.
          const statuses = newDayStatuses(activity, days, taken);
          const pending = [...statuses.values()].some(isPending);
          [outcomes, , reference] = await pipelined([
            recordBookingDays(tx, p, activity.id, child.id, requestId, statuses, now),
            pending ? undefined : settleAccepted(),
            drawReference(),
          ]);
          // A row written outside these locks raced this request on one of its days.
          if (outcomes.size !== asked.length) throw new StaleMailError(fresh);
        } else {
          outcomes = await recordAbsenceDays(tx, p, activity, child.id, requestId, asked, now);
          if (outcomes.size !== asked.length) throw new StaleMailError(fresh);
          if (certificateType && p.certificate)
            await justifyWithCertificate(tx, p, {
              typeId: certificateType.id,
              childId: child.id,
              requestId,
              certificate: p.certificate,
              now,
            });
          // Every day was recorded: the request waits for the town if one of them does, else it is granted.
          const pending = [...outcomes.values()].some((day) =>
            (PENDING_STATUSES as readonly string[]).includes(day.outcome),
          );
          if (!pending) await settleAccepted();
          reference = await drawReference();
        }
        return {
          mailId,
          result: {
            ok: true,
            request: { id: requestId, reference },
            results: fresh.plans.map((plan) => (plan.ok ? outcomes.get(plan.day)! : refusedResult(plan))),
          },
        };
      },
    );
  try {
    const { result, mailId } = await retryOnAbort(run);
    // The accusé d'enregistrement is in the outbox: if the provider fails, the maintenance job retries it.
    if (mailId) await (p.deliver ?? ((ids) => deliverPendingMail(db, { ids })))([mailId]);
    return result;
  } catch (error) {
    if (error instanceof ActivityGoneError) return { ok: false, fieldErrors: { activityId: "Activité introuvable." } };
    throw error;
  }
}

/** Inserts the request row; the call sends it at once, so a pipeline's later statements (its events) follow it. */
async function insertRequest(tx: Db, row: typeof requests.$inferInsert): Promise<void> {
  await tx.insert(requests).values(row);
}

/** What a request is made from: the activity and every day's verdict. */
interface Snapshot {
  activity: Activity;
  plans: DayPlan[];
}

type AskedPlan = Extract<DayPlan, { ok: true }>;

/** What the request, its days and its mail depend on in a snapshot (statuses and places follow the locked row). */
const snapshotKey = ({ activity, plans }: Snapshot) =>
  JSON.stringify([activityLabel(activity), activity.startTime, plans]);

/** The activity was deleted between the form and the lock: the transaction rolls back. */
class ActivityGoneError extends Error {}

type AskedDay = { day: IsoDay; billed: boolean };

/** Writes the new booking days with their statuses; a day another row already holds is left out of the result. */
async function recordBookingDays(
  tx: Db,
  scope: Scope & { userId: string },
  activityId: string,
  childId: string,
  requestId: string,
  statuses: Map<IsoDay, BookingStatus>,
  now: Date,
): Promise<Map<IsoDay, DayResult>> {
  const rows = await insertBookingDays(tx, {
    ...scope,
    childId,
    activityId,
    requestId,
    now,
    days: [...statuses].map(([day, status]) => ({ day, status })),
  });
  const outcome = { requested: "requested", waiting: "waiting", booked: "booked" } as const;
  return new Map(
    rows.map((row) => [
      row.date,
      {
        day: row.date,
        outcome: outcome[row.status as keyof typeof outcome],
        reason: row.status === "waiting" ? "Activité complète ce jour-là : mise en liste d'attente." : null,
      },
    ]),
  );
}

/**
 * Stores an absence's medical certificate as a document of the child with the request, and makes it the
 * justification of every day of the request (asked, or already accepted automatically).
 */
async function justifyWithCertificate(
  tx: Db,
  scope: Scope & { userId: string },
  p: { typeId: string; childId: string; requestId: string; certificate: PreparedDocument; now: Date },
): Promise<void> {
  const stored = await storeDocument(tx, {
    communeId: scope.communeId,
    householdId: scope.householdId,
    userId: scope.userId,
    typeId: p.typeId,
    childId: p.childId,
    requestId: p.requestId,
    prepared: p.certificate,
  });
  // Type, child and request were all read in this transaction: only a bug gets here; roll back.
  if (!stored.ok) throw new Error(`the certificate of request ${p.requestId} could not be stored`);
  await tx
    .update(bookings)
    .set({ justificationDocumentId: stored.document.id, updatedAt: p.now })
    .where(
      and(
        eq(bookings.communeId, scope.communeId),
        eq(bookings.householdId, scope.householdId),
        eq(bookings.childId, p.childId),
        eq(bookings.requestId, p.requestId),
      ),
    );
}

/** Absence days: a booked day becomes "absence requested" (or absent at once where the town accepts automatically). */
async function recordAbsenceDays(
  tx: Db,
  scope: Scope & { userId: string },
  activity: Activity,
  childId: string,
  requestId: string,
  asked: AskedDay[],
  now: Date,
): Promise<Map<IsoDay, DayResult>> {
  const billed = new Set(asked.filter((d) => d.billed).map((d) => d.day));
  const bookedRows = await tx
    .update(bookings)
    .set({ status: "absence_requested", requestId, updatedAt: now })
    .where(
      and(
        eq(bookings.communeId, scope.communeId),
        eq(bookings.householdId, scope.householdId),
        eq(bookings.childId, childId),
        eq(bookings.activityId, activity.id),
        inArray(
          bookings.date,
          asked.map((d) => d.day),
        ),
        eq(bookings.status, "booked"),
      ),
    )
    .returning({ id: bookings.id, date: bookings.date });
  const events = bookedRows.map((row) => ({
    communeId: scope.communeId,
    householdId: scope.householdId,
    bookingId: row.id,
    requestId,
    kind: "absence_requested" as const,
    side: "family" as const,
    actorUserId: scope.userId as string | null,
    createdAt: now,
  }));
  if (events.length) await tx.insert(bookingEvents).values(events);
  const note = (day: IsoDay) => (billed.has(day) ? "Absence hors délai : elle sera facturée." : null);
  if (!activity.autoAccept)
    return new Map(
      bookedRows.map((row) => [
        row.date,
        { day: row.date, outcome: "absence_requested" as const, reason: note(row.date) },
      ]),
    );

  const results = new Map<IsoDay, DayResult>();
  for (const status of ["absent", "absent_billed"] as const) {
    const group = bookedRows.filter((row) => billed.has(row.date) === (status === "absent_billed"));
    if (group.length === 0) continue;
    await tx
      .update(bookings)
      .set({ status, updatedAt: now })
      .where(
        inArray(
          bookings.id,
          group.map((row) => row.id),
        ),
      );
    await changePlaces(tx, {
      communeId: scope.communeId,
      activityId: activity.id,
      days: group.map((row) => row.date),
      delta: -1,
    });
    await tx.insert(bookingEvents).values(
      group.map((row) => ({
        ...events.find((e) => e.bookingId === row.id)!,
        kind: "absence_accepted" as const,
        side: "system" as const,
        actorUserId: null,
      })),
    );
    for (const row of group) results.set(row.date, { day: row.date, outcome: status, reason: note(row.date) });
  }
  await promoteWaitingList(tx, { communeId: scope.communeId, activity, days: bookedRows.map((row) => row.date), now });
  return results;
}

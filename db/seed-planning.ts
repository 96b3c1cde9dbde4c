import { randomUUID } from "node:crypto";
import { eq, inArray } from "drizzle-orm";
import { recountPlaces } from "@/lib/bookings/waiting-list";
import { currentTime } from "@/lib/clock";
import { addDays, eachDay, type IsoDay, isoWeekday, parisDay, parisInstant } from "@/lib/planning/days";
import { type DeadlineRule, isBeforeDeadline } from "@/lib/planning/deadlines";
import { activityLabel } from "@/lib/planning/labels";
import { frenchPublicHolidaysBetween } from "@/lib/planning/public-holidays";
import { allocateRequestReference } from "@/lib/requests/records";
import type { Db } from "./client";
import {
  type Activity,
  activities,
  type BookingEventKind,
  type BookingStatus,
  bookingEvents,
  bookings,
  children,
  closureDays,
  enrolments,
  guardians,
  households,
  type NewActivity,
  requestEvents,
  requests,
} from "./schema";

/*
 * The demo's Planning des activités: a school year of activities, closures, enrolments and bookings in every
 * state, with the requests that made them. Every date is relative to `now`, so the demo never ages.
 */

// ---------------------------------------------------------------- the school calendar

export interface SchoolYear {
  startsOn: IsoDay;
  endsOn: IsoDay;
}

/** The school year (1 September – 31 August) a day falls in. */
export function schoolYearOf(day: IsoDay): SchoolYear {
  const year = Number(day.slice(0, 4)) - (Number(day.slice(5, 7)) < 9 ? 1 : 0);
  return { startsOn: `${year}-09-01`, endsOn: `${year + 1}-08-31` };
}

/** The years families may book at `today`: the current one and, from June, the next (enrolments for la rentrée). */
export function bookableSchoolYears(today: IsoDay): SchoolYear[] {
  const current = schoolYearOf(today);
  return Number(today.slice(5, 7)) >= 6 && Number(today.slice(5, 7)) < 9
    ? [current, schoolYearOf(addDays(current.endsOn, 1))]
    : [current];
}

/** The first day strictly after `day` falling on an ISO weekday. */
function nextWeekday(day: IsoDay, weekday: number): IsoDay {
  const next = addDays(day, 1);
  return addDays(next, (weekday - isoWeekday(next) + 7) % 7);
}

/**
 * Plausible zone A school holidays (the ministry publishes the real ones): two weeks around 1 November, Christmas,
 * February and April, the Ascension bridge and the summer from early July, moving with the weekdays each year.
 */
function schoolHolidaysZoneA(year: SchoolYear): { from: IsoDay; to: IsoDay; label: string }[] {
  const next = year.endsOn.slice(0, 4);
  const twoWeeksBefore = (resumeMonday: IsoDay, label: string) => ({
    from: addDays(resumeMonday, -16),
    to: addDays(resumeMonday, -1),
    label,
  });
  const twoWeeksFrom = (saturday: IsoDay, label: string) => ({ from: saturday, to: addDays(saturday, 15), label });
  const ascensionBridge = frenchPublicHolidaysBetween(`${next}-04-01`, `${next}-06-30`).find((h) =>
    h.label.includes("Ascension"),
  )!;
  return [
    twoWeeksBefore(nextWeekday(`${year.startsOn.slice(0, 4)}-10-31`, 1), "Vacances de la Toussaint"),
    twoWeeksBefore(nextWeekday(`${next}-01-01`, 1), "Vacances de Noël"),
    twoWeeksFrom(nextWeekday(`${next}-02-06`, 6), "Vacances d'hiver"),
    twoWeeksFrom(nextWeekday(`${next}-04-03`, 6), "Vacances de printemps"),
    { from: addDays(ascensionBridge.date, 1), to: addDays(ascensionBridge.date, 1), label: "Pont de l'Ascension" },
    { from: nextWeekday(`${next}-07-02`, 6), to: year.endsOn, label: "Vacances d'été" },
  ];
}

type ClosureKind = (typeof closureDays.$inferInsert)["kind"];

/** Every closed day of a school year, commune-wide: a public holiday keeps its own label within school holidays. */
export function schoolYearClosures(year: SchoolYear): Map<IsoDay, { kind: ClosureKind; label: string }> {
  const closed = new Map<IsoDay, { kind: ClosureKind; label: string }>();
  for (const { date, label } of frenchPublicHolidaysBetween(year.startsOn, year.endsOn))
    closed.set(date, { kind: "public_holiday", label });
  for (const { from, to, label } of schoolHolidaysZoneA(year)) {
    for (const day of eachDay(from, to)) if (!closed.has(day)) closed.set(day, { kind: "school_holiday", label });
  }
  return closed;
}

// ---------------------------------------------------------------- the demo's activities

const SCHOOL_DAYS = [1, 2, 4, 5];
const WORKING_J2: Pick<
  NewActivity,
  | "bookingDeadlineDays"
  | "bookingDeadlineTime"
  | "cancellationDeadlineDays"
  | "cancellationDeadlineTime"
  | "deadlineDaysKind"
> = {
  bookingDeadlineDays: 2,
  bookingDeadlineTime: "10:00",
  cancellationDeadlineDays: 2,
  cancellationDeadlineTime: "10:00",
  deadlineDaysKind: "working",
};

// Colours keep white text at 4.5:1 or more (WCAG AA).
export const DEMO_ACTIVITIES = {
  periMatin: {
    code: "1",
    name: "Péri MATIN",
    facility: "École élémentaire Jules Ferry",
    category: "periscolaire",
    weekdays: SCHOOL_DAYS,
    startTime: "07:30",
    endTime: "08:30",
    color: "#0369a1",
    capacity: 40,
    ...WORKING_J2,
  },
  repas: {
    code: "2",
    name: "Repas Sco",
    facility: "Restaurant scolaire Jules Ferry",
    category: "restauration",
    weekdays: SCHOOL_DAYS,
    startTime: "11:30",
    endTime: "13:20",
    color: "#15803d",
    capacity: 150,
    ...WORKING_J2,
    lateAbsenceBilled: true,
  },
  periSoir: {
    code: "3",
    name: "Péri SOIR",
    facility: "École élémentaire Jules Ferry",
    category: "periscolaire",
    weekdays: SCHOOL_DAYS,
    startTime: "16:30",
    endTime: "18:30",
    color: "#7e22ce",
    capacity: 40,
    ...WORKING_J2,
  },
  etude: {
    code: "4",
    name: "Étude surveillée",
    facility: "École élémentaire Jules Ferry",
    category: "etude",
    weekdays: SCHOOL_DAYS,
    startTime: "16:30",
    endTime: "17:30",
    color: "#c2410c",
    capacity: 25,
    ...WORKING_J2,
    autoAccept: true,
  },
  // Three places only, so its waiting list shows; booked a week ahead, in calendar days.
  mercredi: {
    code: "5",
    name: "Mercredi Loisirs",
    facility: "Centre de loisirs Les Tilleuls",
    category: "loisirs",
    weekdays: [3],
    startTime: "08:00",
    endTime: "18:00",
    color: "#9d174d",
    capacity: 3,
    bookingDeadlineDays: 7,
    bookingDeadlineTime: "12:00",
    cancellationDeadlineDays: 7,
    cancellationDeadlineTime: "12:00",
    deadlineDaysKind: "calendar",
  },
} satisfies Record<string, Omit<NewActivity, "communeId">>;

const OTHER_COMMUNE_ACTIVITY = {
  code: "1",
  name: "Cantine",
  facility: "Groupe scolaire Victor Hugo",
  category: "restauration",
  weekdays: SCHOOL_DAYS,
  startTime: "11:45",
  endTime: "13:30",
  color: "#0e7490",
  capacity: 80,
  ...WORKING_J2,
} satisfies Omit<NewActivity, "communeId">;

type ActivityKey = keyof typeof DEMO_ACTIVITIES;

/** Three one-child households without an account, whose children fill 5/Mercredi Loisirs on some Wednesdays. */
const MERCREDI_HOUSEHOLDS = [
  {
    name: "LEFEBVRE",
    code: "LFB3T7Q2KM",
    guardian: { civility: "MME", firstName: "Sandrine" },
    child: {
      firstName: "Jules",
      birthDate: "2018-02-14",
      sex: "M",
      school: "École élémentaire Jules Ferry",
      schoolClass: "CE2",
    },
  },
  {
    name: "MOREAU",
    code: "MRE9C4T6HZ",
    guardian: { civility: "M", firstName: "Thomas" },
    child: {
      firstName: "Chloé",
      birthDate: "2019-07-03",
      sex: "F",
      school: "École élémentaire Jules Ferry",
      schoolClass: "CE1",
    },
  },
  {
    name: "GARNIER",
    code: "GRN2W7P5XE",
    guardian: { civility: "MME", firstName: "Nadia" },
    child: {
      firstName: "Adam",
      birthDate: "2020-11-26",
      sex: "M",
      school: "École maternelle Les Tilleuls",
      schoolClass: "Grande section",
    },
  },
] as const;

// ---------------------------------------------------------------- rows, built in memory and written in bulk

type Side = "family" | "town" | "system";
type SeedChild = { id: string; householdId: string; firstName: string; lastName: string };
/** A child at an activity: the slots of its enrolment. */
type Place = { communeId: string; child: SeedChild; activity: Activity };

/** The status each event leaves a slot in. */
const STATUS_AFTER: Record<BookingEventKind, BookingStatus> = {
  booking_requested: "requested",
  absence_requested: "absence_requested",
  cancelled: "cancelled",
  accepted: "booked",
  waitlisted: "waiting",
  promoted: "booked",
  refused: "refused",
  absence_accepted: "absent",
  absence_refused: "booked",
};
const GRANTING_KINDS: BookingEventKind[] = ["accepted", "waitlisted", "absence_accepted"];

interface SeedRequest {
  row: Omit<typeof requests.$inferInsert, "reference"> & { id: string; createdAt: Date };
  place: Place;
  /** The last event of each requested day; a day is pending while it is the request's own first event. */
  outcomes: Map<IsoDay, BookingEventKind>;
}

type Decision = {
  at: Date;
  side: Side;
  actorUserId: string | null;
  kind: BookingEventKind;
  message?: string;
  status?: BookingStatus;
  days?: IsoDay[];
  unread?: boolean;
};

class PlanningRows {
  readonly bookings = new Map<string, typeof bookings.$inferInsert & { id: string }>();
  readonly bookingEvents: (typeof bookingEvents.$inferInsert)[] = [];
  readonly requests: SeedRequest[] = [];
  readonly requestEvents: (typeof requestEvents.$inferInsert)[] = [];

  /** Appends an event to a slot, creating its row on the first one; the slot takes the status the event leads to. */
  record(
    place: Place,
    day: IsoDay,
    event: {
      kind: BookingEventKind;
      side: Side;
      at: Date;
      actorUserId: string | null;
      requestId?: string;
      message?: string;
      status?: BookingStatus;
    },
  ) {
    const key = `${place.child.id}:${place.activity.id}:${day}`;
    const status = event.status ?? STATUS_AFTER[event.kind];
    const slot = this.bookings.get(key) ?? {
      id: randomUUID(),
      communeId: place.communeId,
      householdId: place.child.householdId,
      childId: place.child.id,
      activityId: place.activity.id,
      date: day,
      status,
      createdAt: event.at,
    };
    this.bookings.set(key, {
      ...slot,
      status,
      requestId: event.requestId ?? slot.requestId,
      waitingSince: status === "waiting" ? event.at : null,
      updatedAt: event.at,
    });
    this.bookingEvents.push({
      communeId: place.communeId,
      householdId: place.child.householdId,
      bookingId: slot.id,
      requestId: event.requestId ?? null,
      kind: event.kind,
      side: event.side,
      actorUserId: event.actorUserId,
      message: event.message ?? null,
      createdAt: event.at,
    });
  }

  /** A booking entered by the town itself (a family without an account, from its paper form). */
  bookByTown(place: Place, days: IsoDay[], at: Date, agentUserId: string | null) {
    for (const day of days) this.record(place, day, { kind: "accepted", side: "town", at, actorUserId: agentUserId });
  }

  /** A family's "Ajout de réservation" or "Demande d'absence": the request, its history and its days, all pending. */
  submit(
    place: Place,
    params: {
      kind: "booking" | "absence";
      days: IsoDay[];
      weekdays: number[];
      at: Date;
      userId: string;
      late?: boolean;
    },
  ): SeedRequest {
    const id = randomUUID();
    const { kind, days, at } = params;
    const row = {
      id,
      communeId: place.communeId,
      householdId: place.child.householdId,
      createdByUserId: params.userId,
      type: kind === "booking" ? "booking.add" : "booking.absence",
      targetType: "booking_request",
      targetId: randomUUID(),
      subject: `${place.child.firstName} ${place.child.lastName} — ${activityLabel(place.activity)}`,
      // An absence asked after the cancellation deadline is billed.
      payload: {
        kind,
        childId: place.child.id,
        activityId: place.activity.id,
        from: days[0],
        to: days.at(-1),
        weekdays: params.weekdays,
        days,
        billedDays: params.late ? days : [],
        refused: [],
      },
      createdAt: at,
      updatedAt: at,
    };
    const first: BookingEventKind = kind === "booking" ? "booking_requested" : "absence_requested";
    for (const day of days)
      this.record(place, day, { kind: first, side: "family", at, actorUserId: params.userId, requestId: id });
    for (const event of ["created", "transmitted"] as const) {
      this.requestEvents.push({
        communeId: place.communeId,
        requestId: id,
        kind: event,
        actorSide: "family",
        actorUserId: params.userId,
        createdAt: at,
      });
    }
    const request = { row, place, outcomes: new Map(days.map((day) => [day, first])) };
    this.requests.push(request);
    return request;
  }

  /** Answers the request's pending days (or the given ones); once none is pending, the request is decided. */
  decide(request: SeedRequest, decision: Decision) {
    const pending = [...request.outcomes]
      .filter(([, kind]) => kind === "booking_requested" || kind === "absence_requested")
      .map(([day]) => day);
    for (const day of decision.days ?? pending) {
      this.record(request.place, day, { ...decision, requestId: request.row.id });
      request.outcomes.set(day, decision.kind);
    }
    if ((decision.days ?? pending).length < pending.length) return;
    const status = [...request.outcomes.values()].some((kind) => GRANTING_KINDS.includes(kind))
      ? "accepted"
      : "refused";
    const message = decision.message ?? null;
    Object.assign(request.row, {
      status,
      decidedAt: decision.at,
      decidedByUserId: decision.actorUserId,
      decisionMessage: message,
      familyUnreadCount: decision.unread ? 1 : 0,
      updatedAt: decision.at,
    });
    this.requestEvents.push({
      communeId: request.place.communeId,
      requestId: request.row.id,
      kind: status,
      actorSide: "town",
      actorUserId: decision.actorUserId,
      message,
      createdAt: decision.at,
    });
  }

  /** Writes everything; requests are numbered in the order they were made. */
  async write(tx: Db) {
    const made = [...this.requests].sort((a, b) => a.row.createdAt.getTime() - b.row.createdAt.getTime());
    const rows = [];
    for (const { row } of made)
      rows.push({ ...row, reference: await allocateRequestReference(tx, row.communeId, row.createdAt) });
    await insertInChunks(rows, (chunk) => tx.insert(requests).values(chunk));
    await insertInChunks(this.requestEvents, (chunk) => tx.insert(requestEvents).values(chunk));
    await insertInChunks([...this.bookings.values()], (chunk) => tx.insert(bookings).values(chunk));
    await insertInChunks(this.bookingEvents, (chunk) => tx.insert(bookingEvents).values(chunk));
    for (const communeId of new Set([...this.bookings.values()].map((b) => b.communeId)))
      await recountPlaces(tx, { communeId });
  }
}

/** Keeps each statement well under PostgreSQL's 65,535 bind parameters. */
async function insertInChunks<T>(rows: T[], insert: (chunk: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += 1000) await insert(rows.slice(i, i + 1000));
}

// ---------------------------------------------------------------- the seed

export interface SeedPlanningParams {
  communeId: string;
  otherCommuneId: string;
  agentUserId: string;
  /** MARTIN-like households (Léa, Hugo, Zoé), each with the account that made its requests. */
  families: { householdId: string; userId: string }[];
  /** DURAND-like households (Inès), with no account: the town booked from their paper forms. */
  newcomers: string[];
  /** Nina PETIT's household, in the other commune. */
  otherCommuneHousehold: string;
  now?: Date;
}

const at = (day: IsoDay, time: string) => parisInstant(day, time);
const secondLater = (instant: Date) => new Date(instant.getTime() + 1000);
const onWeekdays = (days: IsoDay[], weekdays: number[]) => days.filter((day) => weekdays.includes(isoWeekday(day)));

/**
 * Idempotent: writes nothing when the demo commune has activities already. Leaves free for the end-to-end tests:
 * every day of each Inès from today on, and each MARTIN's days after the next two weeks but for three pending
 * requests.
 */
export async function seedPlanning(db: Db, params: SeedPlanningParams): Promise<void> {
  const now = params.now ?? currentTime();
  const today = parisDay(now);
  const { communeId, agentUserId } = params;
  await db.transaction(async (tx) => {
    const [existing] = await tx
      .select({ id: activities.id })
      .from(activities)
      .where(eq(activities.communeId, communeId))
      .limit(1);
    if (existing) return;

    const years = bookableSchoolYears(today);
    const year = years[0]!;
    const closed = new Map(years.flatMap((y) => [...schoolYearClosures(y)]));
    const publicHolidays = new Set([...closed].filter(([, c]) => c.kind === "public_holiday").map(([day]) => day));
    const inserted = await tx
      .insert(activities)
      .values(Object.values(DEMO_ACTIVITIES).map((activity) => ({ ...activity, communeId })))
      .returning();
    const activity = Object.fromEntries(
      Object.entries(DEMO_ACTIVITIES).map(([key, def]) => [key, inserted.find((a) => a.code === def.code)!]),
    ) as Record<ActivityKey, Activity>;
    const repasCancellation: DeadlineRule = {
      days: activity.repas.cancellationDeadlineDays,
      time: activity.repas.cancellationDeadlineTime,
      kind: activity.repas.deadlineDaysKind,
    };

    // The days each activity runs in the enrolment periods, closures excluded.
    const openDays = (a: Activity) =>
      years
        .flatMap((y) => eachDay(y.startsOn, y.endsOn))
        .filter((day) => a.weekdays.includes(isoWeekday(day)) && !closed.has(day));
    const open = Object.fromEntries(Object.entries(activity).map(([key, a]) => [key, openDays(a)])) as Record<
      ActivityKey,
      IsoDay[]
    >;
    // `count` open days starting `back` open days ago, at least three days old (so are the seeded decisions) and a
    // week after the year's start (once the rentrée bookings were accepted); none when the year is too young.
    const pastRun = (days: IsoDay[], back: number, count: number) => {
      const past = days.filter((day) => day >= addDays(year.startsOn, 7) && day <= addDays(today, -3));
      return past.length >= back ? past.slice(past.length - back, past.length - back + count) : [];
    };

    // One activity-specific closure: a canteen strike some weeks ago.
    const strike = pastRun(open.repas, 25, 1);
    open.repas = open.repas.filter((day) => !strike.includes(day));
    await tx.insert(closureDays).values([
      ...[...closed].map(([date, c]) => ({ communeId, date, ...c })),
      ...strike.map((date) => ({
        communeId,
        activityId: activity.repas.id,
        date,
        kind: "closure" as const,
        label: "Grève du personnel de restauration",
      })),
    ]);

    const kids = await tx
      .select({
        id: children.id,
        householdId: children.householdId,
        firstName: children.firstName,
        lastName: children.lastName,
      })
      .from(children)
      .where(inArray(children.householdId, [...params.families.map((f) => f.householdId), ...params.newcomers]));
    const kid = (householdId: string, firstName: string): SeedChild =>
      kids.find((c) => c.householdId === householdId && c.firstName === firstName)!;
    const families = params.families.map(({ householdId, userId }) => ({
      userId,
      lea: kid(householdId, "Léa"),
      hugo: kid(householdId, "Hugo"),
      zoe: kid(householdId, "Zoé"),
    }));
    const ineses = params.newcomers.map((householdId) => kid(householdId, "Inès"));
    const mercrediKids = await insertMercrediHouseholds(tx, communeId);

    const enrolled: (readonly [SeedChild, ActivityKey, "active" | "waiting"])[] = [
      ...families.flatMap(({ lea, hugo, zoe }) => [
        ...(["periMatin", "repas", "periSoir", "etude"] as const).map((key) => [lea, key, "active"] as const),
        ...(["periMatin", "repas", "periSoir"] as const).map((key) => [hugo, key, "active"] as const),
        [hugo, "mercredi", "waiting"] as const,
        [zoe, "repas", "active"] as const,
        [zoe, "mercredi", "active"] as const,
      ]),
      ...ineses.flatMap((ines) =>
        (["periMatin", "repas", "mercredi"] as const).map((key) => [ines, key, "active"] as const),
      ),
      ...mercrediKids.map((child) => [child, "mercredi", "active"] as const),
    ];
    await tx.insert(enrolments).values(
      enrolled.flatMap(([child, key, status]) =>
        years.map((y) => ({
          communeId,
          householdId: child.householdId,
          childId: child.id,
          activityId: activity[key].id,
          startsOn: y.startsOn,
          endsOn: y.endsOn,
          status,
        })),
      ),
    );

    const rows = new PlanningRows();
    const place = (child: SeedChild, key: ActivityKey): Place => ({ communeId, child, activity: activity[key] });
    const horizon = addDays(today, 14);
    const paperForms = at(addDays(year.startsOn, -12), "10:00");

    // 5/Mercredi Loisirs is full (3 places) every third Wednesday so far and every other one from today on.
    const pastWednesdays = open.mercredi.filter((day) => day < today).reverse();
    const comingWednesdays = open.mercredi.filter((day) => day > today);
    const full = new Set([
      ...pastWednesdays.filter((_, i) => i % 3 === 2),
      ...comingWednesdays.filter((_, i) => i % 2 === 0),
    ]);
    const [everyWednesday, ...onFullDays] = mercrediKids;
    rows.bookByTown(place(everyWednesday!, "mercredi"), open.mercredi, paperForms, agentUserId);
    for (const child of onFullDays)
      rows.bookByTown(
        place(child, "mercredi"),
        open.mercredi.filter((day) => full.has(day)),
        paperForms,
        agentUserId,
      );

    // DURAND has no account: the town booked Inès's canteen and free Wednesdays so far from the paper form.
    for (const ines of ineses) {
      rows.bookByTown(
        place(ines, "repas"),
        open.repas.filter((day) => day < today),
        paperForms,
        agentUserId,
      );
      rows.bookByTown(
        place(ines, "mercredi"),
        pastWednesdays.filter((day) => !full.has(day)),
        paperForms,
        agentUserId,
      );
    }

    for (const { lea, hugo, zoe, userId: familyUserId } of families) {
      // MARTIN booked the year's start in late August, up to two weeks from today (Léa's étude only until today).
      const rentree: { child: SeedChild; key: ActivityKey; weekdays: number[]; until?: IsoDay }[] = [
        { child: lea, key: "periMatin", weekdays: SCHOOL_DAYS },
        { child: lea, key: "repas", weekdays: SCHOOL_DAYS },
        { child: lea, key: "periSoir", weekdays: [4, 5] },
        { child: lea, key: "etude", weekdays: [1, 2], until: today },
        { child: hugo, key: "periMatin", weekdays: SCHOOL_DAYS },
        { child: hugo, key: "repas", weekdays: SCHOOL_DAYS },
        { child: hugo, key: "periSoir", weekdays: [1, 2] },
        { child: zoe, key: "repas", weekdays: SCHOOL_DAYS },
        { child: zoe, key: "mercredi", weekdays: [3] },
      ];
      for (const [i, plan] of rentree.entries()) {
        const days = onWeekdays(open[plan.key], plan.weekdays).filter(
          (day) => day <= (plan.until ?? horizon) && day <= year.endsOn,
        );
        if (days.length === 0) continue;
        const asked = at(addDays(year.startsOn, -9), `20:${10 + i}`);
        const request = rows.submit(place(plan.child, plan.key), {
          kind: "booking",
          days,
          weekdays: plan.weekdays,
          at: asked,
          userId: familyUserId,
        });
        const waitlisted = days.filter((day) => full.has(day));
        if (waitlisted.length)
          rows.decide(request, {
            kind: "waitlisted",
            side: "system",
            actorUserId: null,
            at: secondLater(asked),
            days: waitlisted,
          });
        if (activity[plan.key].autoAccept)
          rows.decide(request, { kind: "accepted", side: "system", actorUserId: null, at: secondLater(asked) });
        else
          rows.decide(request, {
            kind: "accepted",
            side: "town",
            actorUserId: agentUserId,
            at: at(addDays(year.startsOn, -6), "09:30"),
          });
      }

      // Decided requests of the last weeks.
      const town = { side: "town" as const, actorUserId: agentUserId };
      const decided: {
        child: SeedChild;
        key: ActivityKey;
        kind: "booking" | "absence";
        late?: boolean;
        days: IsoDay[];
        weekdays: number[];
        answer: Omit<Decision, "at" | "side" | "actorUserId">;
      }[] = [
        // Hugo ill: two canteen days cancelled in time.
        {
          child: hugo,
          key: "repas",
          kind: "absence",
          days: pastRun(open.repas, 15, 2),
          weekdays: SCHOOL_DAYS,
          answer: { kind: "absence_accepted" },
        },
        // Léa's Thursday evening at her grandmother's.
        {
          child: lea,
          key: "periSoir",
          kind: "absence",
          days: pastRun(onWeekdays(open.periSoir, [4]), 2, 1),
          weekdays: [4],
          answer: { kind: "absence_accepted" },
        },
        // A canteen absence signalled the day before: accepted, but billed.
        {
          child: zoe,
          key: "repas",
          kind: "absence",
          late: true,
          days: pastRun(open.repas, 6, 1),
          weekdays: SCHOOL_DAYS,
          answer: {
            kind: "absence_accepted",
            status: "absent_billed",
            message: "Absence signalée hors délai : elle sera facturée.",
            unread: true,
          },
        },
        // An extra Thursday evening for Hugo, refused.
        {
          child: hugo,
          key: "periSoir",
          kind: "booking",
          days: pastRun(onWeekdays(open.periSoir, [4]), 3, 1),
          weekdays: [4],
          answer: {
            kind: "refused",
            message:
              "L'encadrement du Péri SOIR est au complet ce jeudi : merci de prévoir une autre solution de garde.",
            unread: true,
          },
        },
      ];
      for (const plan of decided) {
        const first = plan.days[0];
        if (!first) continue;
        const late = plan.late ?? false;
        const asked = late ? at(addDays(first, -1), "07:50") : at(addDays(first, -6), "08:40");
        const request = rows.submit(place(plan.child, plan.key), {
          kind: plan.kind,
          days: plan.days,
          weekdays: plan.weekdays,
          at: asked,
          userId: familyUserId,
          late,
        });
        rows.decide(request, {
          ...town,
          ...plan.answer,
          at: late ? at(addDays(first, -1), "11:20") : at(addDays(first, -5), "14:10"),
        });
      }

      // Pending: a day of Péri MATIN for Hugo, four for Léa, and a canteen absence for Hugo in the coming days.
      const absenceAsked = at(addDays(today, -1), "19:45");
      const pending: { child: SeedChild; key: ActivityKey; kind: "booking" | "absence"; days: IsoDay[]; at: Date }[] = [
        {
          child: hugo,
          key: "periMatin",
          kind: "booking",
          days: open.periMatin.filter((day) => day > horizon).slice(0, 1),
          at: at(addDays(today, -1), "12:40"),
        },
        {
          child: lea,
          key: "periMatin",
          kind: "booking",
          days: open.periMatin.filter((day) => day > horizon).slice(0, 4),
          at: at(addDays(today, -2), "21:05"),
        },
        {
          child: hugo,
          key: "repas",
          kind: "absence",
          days: open.repas
            .filter(
              (day) =>
                day > today && day <= horizon && isBeforeDeadline(absenceAsked, day, repasCancellation, publicHolidays),
            )
            .slice(-1),
          at: absenceAsked,
        },
      ];
      for (const plan of pending) {
        if (plan.days.length === 0) continue;
        const weekdays = [...new Set(plan.days.map(isoWeekday))].sort();
        rows.submit(place(plan.child, plan.key), {
          kind: plan.kind,
          days: plan.days,
          weekdays,
          at: plan.at,
          userId: familyUserId,
        });
      }
    }

    await rows.write(tx);
    await seedOtherCommune(tx, {
      communeId: params.otherCommuneId,
      householdId: params.otherCommuneHousehold,
      years,
      today,
    });
  });
}

/** The households whose children fill 5/Mercredi Loisirs, with one guardian each. */
async function insertMercrediHouseholds(tx: Db, communeId: string): Promise<SeedChild[]> {
  const made = await tx
    .insert(households)
    .values(MERCREDI_HOUSEHOLDS.map((h) => ({ communeId, name: h.name, subscriberCode: h.code, familyQuotient: 900 })))
    .returning({ id: households.id, code: households.subscriberCode });
  const idOf = (h: (typeof MERCREDI_HOUSEHOLDS)[number]) => made.find((m) => m.code === h.code)!.id;
  await tx.insert(guardians).values(
    MERCREDI_HOUSEHOLDS.map((h) => ({
      communeId,
      householdId: idOf(h),
      rank: 1,
      lastName: h.name,
      ...h.guardian,
      city: "Démo",
      postcode: "38330",
      isPayer: true,
    })),
  );
  return tx
    .insert(children)
    .values(MERCREDI_HOUSEHOLDS.map((h) => ({ communeId, householdId: idOf(h), lastName: h.name, ...h.child })))
    .returning({
      id: children.id,
      householdId: children.householdId,
      firstName: children.firstName,
      lastName: children.lastName,
    });
}

/** Autreville's canteen, with Nina PETIT enrolled and booked around today: a second commune for isolation tests. */
async function seedOtherCommune(
  tx: Db,
  params: { communeId: string; householdId: string; years: SchoolYear[]; today: IsoDay },
) {
  const { communeId, householdId, years, today } = params;
  const closed = new Map(years.flatMap((y) => [...schoolYearClosures(y)]));
  await tx.insert(closureDays).values([...closed].map(([date, c]) => ({ communeId, date, ...c })));
  const [canteen] = await tx
    .insert(activities)
    .values({ ...OTHER_COMMUNE_ACTIVITY, communeId })
    .returning();
  const [nina] = await tx.select().from(children).where(eq(children.householdId, householdId));
  if (!canteen || !nina) return;
  await tx.insert(enrolments).values(
    years.map((y) => ({
      communeId,
      householdId,
      childId: nina.id,
      activityId: canteen.id,
      startsOn: y.startsOn,
      endsOn: y.endsOn,
    })),
  );
  const rows = new PlanningRows();
  const days = eachDay(addDays(today, -14), addDays(today, 14)).filter(
    (day) => canteen.weekdays.includes(isoWeekday(day)) && !closed.has(day) && day >= years[0]!.startsOn,
  );
  rows.bookByTown(
    { communeId, child: nina, activity: canteen },
    days,
    at(addDays(years[0]!.startsOn, -12), "10:00"),
    null,
  );
  await rows.write(tx);
}

import "server-only";
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { activities, type BookingStatus, bookings, children, households, requests } from "@/db/schema";
import type { IsoDay } from "@/lib/planning/days";
import { activityLabel } from "@/lib/planning/labels";
import { PENDING_STATUSES, PLACE_HOLDING_STATUSES } from "@/lib/planning/slot-state";

/*
 * What the agents see of the bookings: the days waiting for a decision, and one activity's day (its pending
 * requests and its roster). Every query is scoped by commune and their number does not grow with the rows.
 */

const countWhere = (condition: ReturnType<typeof sql>) =>
  sql<number>`count(*) filter (where ${condition})`.mapWith(Number);
const statusIn = (statuses: readonly BookingStatus[]) =>
  sql`${bookings.status} in (${sql.join(
    statuses.map((s) => sql`${s}`),
    sql`, `,
  )})`;

export interface PendingDay {
  activityId: string;
  activityLabel: string;
  color: string;
  day: IsoDay;
  bookingRequests: number;
  absenceRequests: number;
  /** Booked or absence requested: the places held that day. */
  placesTaken: number;
  /** Null when unlimited. */
  capacity: number | null;
}

/** Activity days with requests waiting for a decision, the earliest first, with their counts and places. */
export async function listPendingDays(db: Db, params: { communeId: string; limit?: number }): Promise<PendingDay[]> {
  const pendingSlots = db
    .select({ activityId: bookings.activityId, date: bookings.date })
    .from(bookings)
    .where(and(eq(bookings.communeId, params.communeId), inArray(bookings.status, [...PENDING_STATUSES])));
  const rows = await db
    .select({
      activityId: bookings.activityId,
      day: bookings.date,
      code: activities.code,
      name: activities.name,
      color: activities.color,
      capacity: activities.capacity,
      bookingRequests: countWhere(sql`${bookings.status} = 'requested'`),
      absenceRequests: countWhere(sql`${bookings.status} = 'absence_requested'`),
      placesTaken: countWhere(statusIn(PLACE_HOLDING_STATUSES)),
    })
    .from(bookings)
    .innerJoin(activities, and(eq(activities.id, bookings.activityId), eq(activities.communeId, params.communeId)))
    .where(
      and(eq(bookings.communeId, params.communeId), sql`(${bookings.activityId}, ${bookings.date}) in ${pendingSlots}`),
    )
    .groupBy(
      bookings.activityId,
      bookings.date,
      activities.code,
      activities.name,
      activities.color,
      activities.capacity,
    )
    .orderBy(asc(bookings.date), asc(activities.code), asc(activities.name))
    .limit(params.limit ?? 200);
  return rows.map(({ code, name, ...row }) => ({ ...row, activityLabel: activityLabel({ code, name }) }));
}

/** One child's slot on the activity's day, as the agents' lists show it. */
export interface DayBookingLine {
  bookingId: string;
  childName: string;
  householdId: string;
  householdName: string;
  status: BookingStatus;
  /** "D2026-000124": the request the family sent for this slot. */
  reference: string | null;
  requestedAt: Date;
  waitingSince: Date | null;
}

export interface ActivityDay {
  activity: {
    id: string;
    label: string;
    facility: string;
    color: string;
    startTime: string;
    endTime: string;
    capacity: number | null;
  };
  day: IsoDay;
  placesTaken: number;
  /** Booking and absence requests waiting for a decision, oldest first. */
  pending: DayBookingLine[];
  /** "Présents prévus". */
  booked: DayBookingLine[];
  /** Absence requested (still holding its place), absent, absent billed. */
  absences: DayBookingLine[];
  /** "Liste d'attente", in the order places are given. */
  waiting: DayBookingLine[];
}

const ROSTER_STATUSES = [
  "requested",
  "absence_requested",
  "booked",
  "absent",
  "absent_billed",
  "waiting",
] as const satisfies readonly BookingStatus[];

/** Lines of bookings of the commune, with child, household and request; the request only if of the same commune. */
function bookingLines(db: Db, communeId: string) {
  return db
    .select({
      bookingId: bookings.id,
      firstName: children.firstName,
      lastName: children.lastName,
      householdId: bookings.householdId,
      householdName: households.name,
      status: bookings.status,
      reference: requests.reference,
      requestedAt: sql<Date>`coalesce(${requests.createdAt}, ${bookings.updatedAt})`.mapWith(bookings.updatedAt),
      waitingSince: bookings.waitingSince,
    })
    .from(bookings)
    .innerJoin(children, and(eq(children.id, bookings.childId), eq(children.communeId, communeId)))
    .innerJoin(households, and(eq(households.id, bookings.householdId), eq(households.communeId, communeId)))
    .leftJoin(requests, and(eq(requests.id, bookings.requestId), eq(requests.communeId, communeId)));
}

type LineRow = Awaited<ReturnType<ReturnType<typeof bookingLines>["where"]>>[number];

function toLine({ firstName, lastName, ...row }: LineRow): DayBookingLine {
  return { ...row, childName: `${firstName} ${lastName}` };
}

const byTime = (pick: (line: DayBookingLine) => Date | null) => (a: DayBookingLine, b: DayBookingLine) =>
  (pick(a)?.getTime() ?? Infinity) - (pick(b)?.getTime() ?? Infinity) ||
  a.requestedAt.getTime() - b.requestedAt.getTime();

/** One activity's day: pending requests and roster, in two queries. Null when the activity is not of the commune. */
export async function loadActivityDay(
  db: Db,
  params: { communeId: string; activityId: string; day: IsoDay },
): Promise<ActivityDay | null> {
  const [activity] = await db
    .select()
    .from(activities)
    .where(and(eq(activities.id, params.activityId), eq(activities.communeId, params.communeId)));
  if (!activity) return null;
  const rows = await bookingLines(db, params.communeId)
    .where(
      and(
        eq(bookings.communeId, params.communeId),
        eq(bookings.activityId, activity.id),
        eq(bookings.date, params.day),
        inArray(bookings.status, [...ROSTER_STATUSES]),
      ),
    )
    .orderBy(asc(children.lastName), asc(children.firstName), asc(bookings.id));
  const lines = rows.map(toLine);
  const having = (...statuses: BookingStatus[]) => lines.filter((line) => statuses.includes(line.status));
  return {
    activity: {
      id: activity.id,
      label: activityLabel(activity),
      facility: activity.facility,
      color: activity.color,
      startTime: activity.startTime,
      endTime: activity.endTime,
      capacity: activity.capacity,
    },
    day: params.day,
    placesTaken: having(...PLACE_HOLDING_STATUSES).length,
    pending: having(...PENDING_STATUSES).sort(byTime((line) => line.requestedAt)),
    booked: having("booked"),
    absences: having("absence_requested", "absent", "absent_billed"),
    waiting: having("waiting").sort(byTime((line) => line.waitingSince)),
  };
}

/** The slots of a decision as its report names them ("Léa MARTIN, D2026-000124"); ids of another commune are absent. */
export async function describeBookingSlots(
  db: Db,
  params: { communeId: string; bookingIds: readonly string[] },
): Promise<Map<string, { childName: string; reference: string | null }>> {
  if (params.bookingIds.length === 0) return new Map();
  const rows = await bookingLines(db, params.communeId).where(
    and(eq(bookings.communeId, params.communeId), inArray(bookings.id, [...params.bookingIds])),
  );
  return new Map(
    rows.map(toLine).map((line) => [line.bookingId, { childName: line.childName, reference: line.reference }]),
  );
}

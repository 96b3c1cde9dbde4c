import "server-only";
import { and, asc, eq, exists, gte, inArray, isNotNull, lte, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { activities, type BookingStatus, bookings, children, documents, enrolments, requests } from "@/db/schema";
import { currentTime } from "@/lib/clock";
import { preparedPerDatabase } from "@/lib/database/prepared";
import { dayNotes } from "@/lib/planning/day-notes";
import { eachDay, earlierDay, FIRST_DAY, type IsoDay, isoWeekday, LAST_DAY, laterDay } from "@/lib/planning/days";
import { lateAbsenceWarning } from "@/lib/planning/deadlines";
import { activityLabel, childColor } from "@/lib/planning/labels";
import { dayChecker } from "@/lib/planning/period";
import { slotAction, slotState } from "@/lib/planning/slot-state";
import { activityRuleColumns, activityRules, closureCalendarOf, loadCommuneClosures } from "./rules-context";
import type { EnrolmentChoice, PlanningActivity, PlanningChild, PlanningData, PlanningSlot } from "./types";

/**
 * The household's active enrolments overlapping a range, with their child and activity (one query), in the
 * columns the planning and the period form read: each column of each row is mapped by drizzle on every page view.
 * Built once (lib/database/prepared.ts), as are the planning's other reads: every family opens the planning.
 */
const householdEnrolmentsBetween = preparedPerDatabase((db) =>
  db
    .select({
      enrolment: { startsOn: enrolments.startsOn, endsOn: enrolments.endsOn, status: enrolments.status },
      activity: {
        id: activities.id,
        code: activities.code,
        name: activities.name,
        facility: activities.facility,
        color: activities.color,
        startTime: activities.startTime,
        endTime: activities.endTime,
        ...activityRuleColumns,
      },
      child: { id: children.id, firstName: children.firstName, lastName: children.lastName },
    })
    .from(enrolments)
    .innerJoin(
      activities,
      and(eq(activities.id, enrolments.activityId), eq(activities.communeId, sql.placeholder("communeId"))),
    )
    .innerJoin(
      children,
      and(eq(children.id, enrolments.childId), eq(children.householdId, sql.placeholder("householdId"))),
    )
    .where(
      and(
        eq(enrolments.communeId, sql.placeholder("communeId")),
        eq(enrolments.householdId, sql.placeholder("householdId")),
        eq(enrolments.status, "active"),
        eq(activities.archived, false),
        lte(enrolments.startsOn, sql.placeholder("to")),
        gte(enrolments.endsOn, sql.placeholder("from")),
      ),
    )
    .orderBy(asc(children.birthDate), asc(children.firstName), asc(activities.code), asc(activities.name))
    .prepare("household_enrolments_between"),
);

/**
 * The household's slots booked, asked or cancelled between two days, with their request and whether a certificate
 * covers them. The certificate is looked up only for a slot that names one: joined to every slot, the generic plan
 * of this prepared read scanned `documents` again for each slot of the month.
 */
const householdBookingsBetween = preparedPerDatabase((db) => {
  // A certificate handed in and not refused: pending (being checked) or validated.
  const certificateInForce = db
    .select({ id: documents.id })
    .from(documents)
    .where(
      and(
        eq(documents.id, bookings.justificationDocumentId),
        eq(documents.communeId, sql.placeholder("communeId")),
        inArray(documents.state, ["pending", "validated"]),
      ),
    );
  return db
    .select({
      id: bookings.id,
      childId: bookings.childId,
      activityId: bookings.activityId,
      date: bookings.date,
      status: bookings.status,
      justified: sql<boolean>`(${and(isNotNull(bookings.justificationDocumentId), exists(certificateInForce))})`,
      reference: requests.reference,
    })
    .from(bookings)
    .leftJoin(requests, and(eq(requests.id, bookings.requestId), eq(requests.communeId, sql.placeholder("communeId"))))
    .where(
      and(
        eq(bookings.communeId, sql.placeholder("communeId")),
        eq(bookings.householdId, sql.placeholder("householdId")),
        gte(bookings.date, sql.placeholder("from")),
        lte(bookings.date, sql.placeholder("to")),
      ),
    )
    .prepare("household_bookings_between");
});

type Range = { communeId: string; householdId: string; from: IsoDay; to: IsoDay };

/**
 * Everything the planning shows between two days: the enrolled children and activities and each slot with its
 * state, what a click would do and why it can't (or what it will cost), and what each day is (holiday, closure).
 * Three queries whatever the range, run together.
 */
export async function loadPlanning(
  db: Db,
  p: { communeId: string; householdId: string; from: IsoDay; to: IsoDay; now?: Date },
): Promise<PlanningData> {
  const now = p.now ?? currentTime();
  const range: Range = { communeId: p.communeId, householdId: p.householdId, from: p.from, to: p.to };
  const [rows, booked, closures] = await Promise.all([
    householdEnrolmentsBetween(db).execute(range),
    householdBookingsBetween(db).execute(range),
    loadCommuneClosures(db, p),
  ]);
  const calendar = closureCalendarOf(closures);
  const byKey = new Map(booked.map((b) => [`${b.childId}:${b.activityId}:${b.date}`, b]));
  // The range's days and weekdays once for every enrolment (each is a Date built and read).
  const rangeDays = eachDay(p.from, p.to).map((day) => ({ day, weekday: isoWeekday(day) }));
  const childList: PlanningChild[] = [];
  const activityList = new Map<string, PlanningActivity>();
  const slots: PlanningSlot[] = [];
  for (const { enrolment, activity, child } of rows) {
    if (!childList.some((c) => c.id === child.id)) {
      childList.push({
        id: child.id,
        firstName: child.firstName,
        lastName: child.lastName,
        color: childColor(childList.length),
      });
    }
    activityList.set(activity.id, {
      id: activity.id,
      label: activityLabel(activity),
      facility: activity.facility,
      color: activity.color,
      startTime: activity.startTime,
      endTime: activity.endTime,
    });
    const rules = activityRules(activity);
    const closures = calendar.closuresOf(activity.id);
    const first = laterDay(enrolment.startsOn, p.from);
    const last = earlierDay(enrolment.endsOn, p.to);
    const statuses = new Map<IsoDay, BookingStatus>();
    for (const b of booked) if (b.childId === child.id && b.activityId === activity.id) statuses.set(b.date, b.status);
    const check = dayChecker({
      activity: rules,
      enrolment,
      closures,
      publicHolidays: calendar.publicHolidays,
      statuses,
      now,
    });

    for (const { day, weekday } of rangeDays) {
      if (day < first || day > last || !rules.weekdays.includes(weekday) || closures.has(day)) continue;
      const key = `${child.id}:${activity.id}:${day}`;
      const booking = byKey.get(key);
      const state = slotState(booking?.status);
      const action = slotAction(state);
      const verdict = action === "book" ? check("booking", day) : action === "absence" ? check("absence", day) : null;
      slots.push({
        key,
        bookingId: booking?.id ?? null,
        childId: child.id,
        activityId: activity.id,
        day,
        startTime: activity.startTime,
        endTime: activity.endTime,
        state,
        action,
        blockedReason: verdict && !verdict.ok ? verdict.reason : null,
        warning:
          verdict?.ok && verdict.billed ? lateAbsenceWarning(day, rules.cancellation, calendar.publicHolidays) : null,
        requestReference: booking?.reference ?? null,
        justified: booking?.justified ?? false,
      });
    }
  }
  const activityLabels = new Map([...activityList.values()].map((a) => [a.id, a.label]));
  return {
    from: p.from,
    to: p.to,
    children: childList,
    activities: [...activityList.values()],
    slots,
    dayNotes: dayNotes({ from: p.from, to: p.to, closedDays: calendar.closedDays, activityLabels }),
  };
}

/** The period form's choices: each child's active enrolments with their period, days and hours. */
export async function listEnrolmentChoices(
  db: Db,
  p: { communeId: string; householdId: string },
): Promise<EnrolmentChoice[]> {
  // Every enrolment, whatever its period: the range is all the days the portal handles.
  const range: Range = { ...p, from: FIRST_DAY, to: LAST_DAY };
  const rows = await householdEnrolmentsBetween(db).execute(range);
  return rows.map(({ enrolment, activity, child }) => ({
    childId: child.id,
    childName: `${child.firstName} ${child.lastName}`,
    activityId: activity.id,
    activityLabel: activityLabel(activity),
    facility: activity.facility,
    startsOn: enrolment.startsOn,
    endsOn: enrolment.endsOn,
    weekdays: [...activity.weekdays].sort(),
    startTime: activity.startTime,
    endTime: activity.endTime,
  }));
}

/**
 * One slot as the planning shows it now (null when it is no longer in the planning, e.g. the enrolment ended):
 * what a click's answer hands back, so the family's planning redraws that slot without rendering the page again.
 */
export async function loadSlot(
  db: Db,
  p: { communeId: string; householdId: string; childId: string; activityId: string; day: IsoDay },
): Promise<PlanningSlot | null> {
  const { slots } = await loadPlanning(db, {
    communeId: p.communeId,
    householdId: p.householdId,
    from: p.day,
    to: p.day,
  });
  return slots.find((slot) => slot.childId === p.childId && slot.activityId === p.activityId) ?? null;
}

/** The slot of one of the household's bookings (null when the booking is not the household's). */
export async function loadSlotOfBooking(
  db: Db,
  p: { communeId: string; householdId: string; bookingId: string },
): Promise<PlanningSlot | null> {
  const [booking] = await db
    .select({ childId: bookings.childId, activityId: bookings.activityId, day: bookings.date })
    .from(bookings)
    .where(
      and(eq(bookings.id, p.bookingId), eq(bookings.communeId, p.communeId), eq(bookings.householdId, p.householdId)),
    );
  return booking ? loadSlot(db, { communeId: p.communeId, householdId: p.householdId, ...booking }) : null;
}

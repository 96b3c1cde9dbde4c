import "server-only";
import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { activityDayPlaces, type BookingStatus, bookingEvents, bookings } from "@/db/schema";
import { executeRows, pgArray } from "@/lib/database/rows";
import type { IsoDay } from "@/lib/planning/days";

/**
 * Writes the days of a new booking request in one statement, whatever their number: the bookings (from two
 * arrays, not thousands of bound values), their history (asked by the family; accepted or waitlisted by the
 * portal) and the places they take. A day cancelled or refused before is asked again on the same row; any other
 * existing row wins and is left out of the rows returned. Call it under lockActivityDays's locks.
 */
export async function insertBookingDays(
  tx: Db,
  p: {
    communeId: string;
    householdId: string;
    childId: string;
    activityId: string;
    requestId: string;
    userId: string;
    now: Date;
    days: readonly { day: IsoDay; status: BookingStatus }[];
  },
): Promise<{ id: string; date: IsoDay; status: BookingStatus }[]> {
  if (p.days.length === 0) return [];
  const now = sql`${p.now.toISOString()}::timestamptz`;
  const family = sql`${p.communeId}::uuid, ${p.householdId}::uuid`;
  return executeRows(
    tx,
    sql`with asked as (
          select * from unnest(${pgArray(p.days.map((d) => d.day))}::date[],
                               ${pgArray(p.days.map((d) => d.status))}::booking_status[]) as t(date, status)
        ), written as (
          insert into ${bookings} (commune_id, household_id, child_id, activity_id, date, status, request_id,
                                   waiting_since, created_at, updated_at)
          select ${family}, ${p.childId}::uuid, ${p.activityId}::uuid, asked.date, asked.status, ${p.requestId}::uuid,
                 case when asked.status = 'waiting' then ${now} end, ${now}, ${now}
          from asked
          on conflict (child_id, activity_id, date) do update
            set status = excluded.status, request_id = excluded.request_id,
                waiting_since = excluded.waiting_since, updated_at = excluded.updated_at
            where ${bookings}.status in ('cancelled', 'refused')
          returning id, date, status
        ), history as (
          insert into ${bookingEvents} (commune_id, household_id, booking_id, request_id, kind, side, actor_user_id,
                                        created_at)
          select ${family}, id, ${p.requestId}::uuid, 'booking_requested'::booking_event_kind, 'family',
                 ${p.userId}::uuid, ${now}
          from written
          union all
          select ${family}, id, ${p.requestId}::uuid,
                 (case status when 'waiting' then 'waitlisted' else 'accepted' end)::booking_event_kind, 'system',
                 null::uuid, ${now}
          from written where status in ('waiting', 'booked')
        ), places as (
          insert into ${activityDayPlaces} (commune_id, activity_id, date, taken)
          select ${p.communeId}::uuid, ${p.activityId}::uuid, date, count(*)::int
          from written where status = 'booked' group by date
          on conflict (activity_id, date) do update set taken = ${activityDayPlaces}.taken + excluded.taken
        )
        select id::text as id, date::text as date, status::text as status from written`,
  );
}

// What `npm run bench:rush` checks in the database once the rush is over: no day booked beyond the canteen's
// capacity, one request and one booking row per family, one acknowledgement mail per request.
import type postgres from "postgres";
import type { RushCommune } from "@/db/seed-bench-rush";

export interface DayCount {
  day: string;
  booked: number;
  waiting: number;
  /** The activity_day_places counter the capacity check reads (lib/bookings/waiting-list.ts placesTaken). */
  counted: number;
}

export interface RushChecks {
  days: DayCount[];
  requests: number;
  /** Families with two or more booking rows of the canteen (a request counted twice). */
  familiesWithSeveralRows: number;
  /** Families with no booking row of the canteen (their booking failed). */
  familiesWithoutRow: number;
  mails: number;
  /** Requests whose account did not get exactly one acknowledgement mail. */
  requestsWithoutOneMail: number;
}

export async function checkRush(sql: postgres.Sql, commune: RushCommune): Promise<RushChecks> {
  const { communeId, activityId } = commune;
  const days = await sql<DayCount[]>`
    select d.day::text as day,
      (select count(*)::int from bookings b
        where b.activity_id = ${activityId} and b.date = d.day and b.status = 'booked') as booked,
      (select count(*)::int from bookings b
        where b.activity_id = ${activityId} and b.date = d.day and b.status = 'waiting') as waiting,
      coalesce((select p.taken from activity_day_places p
        where p.activity_id = ${activityId} and p.date = d.day), 0) as counted
    from unnest(${commune.days}::date[]) d(day) order by d.day`;
  const [rows] = await sql<{ requests: number; familiesWithSeveralRows: number; familiesWithoutRow: number }[]>`
    with rows_per_family as (
      select h.id, count(b.id) as n from households h
      left join bookings b on b.household_id = h.id and b.activity_id = ${activityId}
      where h.commune_id = ${communeId} group by h.id)
    select
      (select count(*)::int from requests where commune_id = ${communeId} and type = 'booking.add') as requests,
      (select count(*)::int from rows_per_family where n > 1) as "familiesWithSeveralRows",
      (select count(*)::int from rows_per_family where n = 0) as "familiesWithoutRow"`;
  // Each account asks once: its requests and its acknowledgements must pair one to one.
  const [mails] = await sql<{ mails: number; requestsWithoutOneMail: number }[]>`
    with acks as (
      select "to", count(*)::int as n from mail_outbox
      where commune_id = ${communeId} and template = 'booking-acknowledgement' group by "to")
    select
      (select coalesce(sum(n), 0)::int from acks) as mails,
      (select count(*)::int from requests r join users u on u.id = r.created_by_user_id
        left join acks on acks."to" = u.email
        where r.commune_id = ${communeId} and coalesce(acks.n, 0) <> 1) as "requestsWithoutOneMail"`;
  return { days, ...rows!, ...mails! };
}

/**
 * Samples the bench database's connections every second until stopped: the most at once running a query, idle
 * inside a transaction, and waiting for a lock (is the pool of each instance, or a lock, what the rush waits on?).
 */
export function sampleConnections(sql: postgres.Sql, database: string) {
  const peak = { busy: 0, inTransaction: 0, waitingOnLock: 0, total: 0 };
  const timer = setInterval(async () => {
    const [row] = await sql<(typeof peak)[]>`
      select count(*) filter (where state = 'active')::int as busy,
        count(*) filter (where state = 'idle in transaction')::int as "inTransaction",
        count(*) filter (where wait_event_type = 'Lock')::int as "waitingOnLock",
        count(*)::int as total
      from pg_stat_activity where datname = ${database} and pid <> pg_backend_pid()`;
    for (const key of Object.keys(peak) as (keyof typeof peak)[]) peak[key] = Math.max(peak[key], row![key]);
  }, 1000);
  return {
    stop: () => {
      clearInterval(timer);
      return peak;
    },
  };
}

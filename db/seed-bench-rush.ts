import { and, eq, type SQL, sql } from "drizzle-orm";
import { SESSION_ABSOLUTE_SECONDS } from "@/lib/auth/session-policy";
import { recountPlaces } from "@/lib/bookings/waiting-list";
import { addDays, eachDay, type IsoDay, isoWeekday, parisDay } from "@/lib/planning/days";
import { frenchPublicHolidaysBetween } from "@/lib/planning/public-holidays";
import type { Db } from "./client";
import { activities, children, closureDays, households, subscriptions, userSessions, users } from "./schema";
import { insertBenchCommune } from "./seed-kit";
import { bookableSchoolYears, DEMO_ACTIVITIES, schoolYearClosures } from "./seed-planning";

/*
 * The commune of the registration-day rush (npm run bench:rush): N households of two children, each with an active
 * family account already signed in (a live server-side session), both children enrolled for the school year on the
 * canteen (the activity the rush books, capped below demand) and on the evening care, booked on Mondays and
 * Thursdays around today so the planning has something to draw. Built with INSERT … SELECT, not N demo seeds.
 */

/** Days the rush books, family i taking day i mod RUSH_DAYS: every one of them is asked beyond its capacity. */
const RUSH_DAYS = 5;
/** Share of a rush day's demand the canteen can take, in percent: the rest goes to the waiting list. */
const CAPACITY_SHARE = 80;
/** Nobody types a password in the rush (the bench mints session cookies): a fixed string stands for the hash. */
const NO_LOGIN_HASH = "bench-account-without-password";

export interface RushFamily {
  userId: string;
  email: string;
  sessionId: string;
  childId: string;
  day: IsoDay;
}

export interface RushCommune {
  communeId: string;
  activityId: string;
  capacity: number;
  days: IsoDay[];
  families: RushFamily[];
}

/** The first RUSH_DAYS canteen days at least a week ahead (past every booking deadline), school open, no holiday. */
export function rushDays(today: IsoDay): IsoDay[] {
  const years = bookableSchoolYears(today);
  const closed = new Map(years.flatMap((y) => [...schoolYearClosures(y)]));
  const last = years.at(-1)!.endsOn;
  const holidays = new Set(frenchPublicHolidaysBetween(today, last).map((h) => h.date));
  const days = eachDay(addDays(today, 7), last).filter(
    (day) => !closed.has(day) && !holidays.has(day) && DEMO_ACTIVITIES.repas.weekdays.includes(isoWeekday(day)),
  );
  if (days.length < RUSH_DAYS) throw new Error(`only ${days.length} canteen days left in the school year`);
  return days.slice(0, RUSH_DAYS);
}

/** Seeds the commune `slug` (which must not exist yet) with `families` households, as on `now`. */
export async function seedRushCommune(
  db: Db,
  params: { slug: string; families: number; now: Date },
): Promise<RushCommune> {
  const { slug, families, now } = params;
  const today = parisDay(now);
  const years = bookableSchoolYears(today);
  const year = years[0]!;
  const days = rushDays(today);
  const capacity = Math.floor((Math.ceil(families / RUSH_DAYS) * CAPACITY_SHARE) / 100);
  const sessionEnds = new Date(now.getTime() + SESSION_ABSOLUTE_SECONDS * 1000).toISOString();
  const domain = `${slug}.bench.test`;

  const result = await db.transaction(async (tx) => {
    const run = (query: SQL) => tx.execute(query);
    const communeId = await insertBenchCommune(tx, slug);
    const [canteen, evening] = await tx
      .insert(activities)
      .values([
        { ...DEMO_ACTIVITIES.repas, communeId, capacity, autoAccept: true },
        { ...DEMO_ACTIVITIES.periSoir, communeId, capacity: null },
      ])
      .returning({ id: activities.id });
    const closed = new Map(years.flatMap((y) => [...schoolYearClosures(y)]));
    await tx.insert(closureDays).values([...closed].map(([date, c]) => ({ communeId, date, ...c })));

    await run(sql`
      insert into households (commune_id, name, subscriber_code, family_quotient)
      select ${communeId}, 'FAMILLE' || g, 'RU' || lpad(g::text, 8, '0'), 300 + (g * 37) % 1500
      from generate_series(1, ${families}) g`);
    await run(sql`
      insert into children (commune_id, household_id, last_name, first_name, birth_date, sex)
      select h.commune_id, h.id, h.name, case when k = 1 then 'Emma' else 'Louis' end,
        date '2016-09-01' + k * 400, case when k = 1 then 'F' else 'M' end
      from households h, generate_series(1, 2) k where h.commune_id = ${communeId}`);
    await run(sql`
      insert into users (commune_id, email, password_hash, civility, last_name, first_name, role, status, terms_accepted_at, activated_at)
      select h.commune_id, lower(h.subscriber_code) || '@' || ${domain}, ${NO_LOGIN_HASH}, 'MME', h.name, 'Camille',
        'family', 'active', ${now.toISOString()}::timestamptz, ${now.toISOString()}::timestamptz
      from households h where h.commune_id = ${communeId}`);
    await run(sql`
      insert into subscriptions (commune_id, user_id, household_id, method)
      select h.commune_id, u.id, h.id, 'subscriber_code'
      from households h join users u on u.commune_id = h.commune_id and u.email = lower(h.subscriber_code) || '@' || ${domain}
      where h.commune_id = ${communeId}`);
    // As a login would leave it (lib/auth/sessions.ts createSession): live, just seen.
    await run(sql`
      insert into user_sessions (commune_id, user_id, created_at, last_seen_at, expires_at, user_agent)
      select commune_id, id, ${now.toISOString()}::timestamptz, ${now.toISOString()}::timestamptz,
        ${sessionEnds}::timestamptz, 'bench:rush'
      from users where commune_id = ${communeId}`);
    await run(sql`
      insert into enrolments (commune_id, household_id, child_id, activity_id, starts_on, ends_on)
      select c.commune_id, c.household_id, c.id, a.id, ${year.startsOn}::date, ${year.endsOn}::date
      from children c cross join unnest(array[${canteen!.id}, ${evening!.id}]::uuid[]) a(id)
      where c.commune_id = ${communeId}`);
    // Three weeks back, six ahead: what the month views around the rush show, without a year of rows to insert.
    const eveningDays = eachDay(addDays(today, -21), addDays(today, 42)).filter(
      (day) => day >= year.startsOn && day <= year.endsOn && !closed.has(day) && [1, 4].includes(isoWeekday(day)),
    );
    await run(sql`
      insert into bookings (commune_id, household_id, child_id, activity_id, date, status, created_at, updated_at)
      select c.commune_id, c.household_id, c.id, ${evening!.id}, d.day, 'booked', ${now.toISOString()}::timestamptz,
        ${now.toISOString()}::timestamptz
      from children c cross join unnest(${`{${eveningDays.join(",")}}`}::date[]) d(day)
      where c.commune_id = ${communeId}`);
    await recountPlaces(tx, { communeId });

    // Who books what: the elder child of household i, on rush day i mod RUSH_DAYS.
    const list = await tx
      .select({
        userId: users.id,
        email: users.email,
        sessionId: userSessions.id,
        childId: children.id,
        code: households.subscriberCode,
      })
      .from(households)
      .innerJoin(subscriptions, eq(subscriptions.householdId, households.id))
      .innerJoin(users, eq(users.id, subscriptions.userId))
      .innerJoin(userSessions, eq(userSessions.userId, users.id))
      .innerJoin(children, and(eq(children.householdId, households.id), eq(children.firstName, "Emma")))
      .where(eq(households.communeId, communeId))
      .orderBy(households.subscriberCode);
    return {
      communeId,
      activityId: canteen!.id,
      capacity,
      days,
      families: list.map(({ code, ...family }) => ({ ...family, day: days[Number(code.slice(2)) % RUSH_DAYS]! })),
    };
  });
  for (const table of ["households", "children", "users", "subscriptions", "user_sessions", "enrolments", "bookings"])
    await db.execute(sql.raw(`analyze ${table}`));
  return result;
}

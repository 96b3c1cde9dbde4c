import { and, asc, count, eq, type SQL, sql } from "drizzle-orm";
import { recountPlaces } from "@/lib/bookings/waiting-list";
import { pgArray } from "@/lib/database/rows";
import { addDays, eachDay, isoWeekday, parisDay, parisInstant } from "@/lib/planning/days";
import type { Db } from "./client";
import {
  activities,
  bookingEvents,
  bookings,
  children,
  closureDays,
  enrolments,
  households,
  subscriptions,
  users,
} from "./schema";
import { insertBenchCommune } from "./seed-kit";
import { bookableSchoolYears, DEMO_ACTIVITIES, schoolYearClosures } from "./seed-planning";

/*
 * A large commune for the planning benchmarks: 5,000 two-child households plus one with three children, each
 * with a subscribed active account, a school year of enrolments and bookings (≈1.5 million rows), and for the
 * digest one town decision per household inside one 18:00 window. Built with INSERT … SELECT, not row by row.
 */

const HOUSEHOLDS = 5000;
/** Share of a child's canteen days left unbooked, in percent. */
const CANTEEN_GAPS = 12;
/** Nobody signs in to a bench account: a fixed string stands for the password hash. */
const NO_LOGIN_HASH = "bench-account-without-password";
const SURNAMES = [
  "MARTIN",
  "BERNARD",
  "THOMAS",
  "PETIT",
  "ROBERT",
  "RICHARD",
  "DURAND",
  "DUBOIS",
  "MOREAU",
  "LAURENT",
  "SIMON",
  "MICHEL",
  "LEFEBVRE",
  "LEROY",
  "ROUX",
  "DAVID",
  "BERTRAND",
  "MOREL",
  "FOURNIER",
  "GIRARD",
];
const GIRLS = ["Emma", "Jade", "Louise", "Alice", "Chloé", "Lina", "Léa", "Rose", "Anna", "Mila"];
const BOYS = ["Gabriel", "Léo", "Raphaël", "Arthur", "Louis", "Jules", "Adam", "Lucas", "Hugo", "Noah"];

export interface BenchCommune {
  communeId: string;
  agentUserId: string;
  /** The household with exactly three children, enrolled on every activity; booked on the canteen only. */
  threeChildFamily: { householdId: string; userId: string; childIds: string[] };
  activityIds: { periMatin: string; repas: string; periSoir: string; mercredi: string };
  /** 18:00 Paris on the day of `now`: every household has one decision in the window ending then. */
  digestWindowEnd: Date;
  counts: { households: number; children: number; enrolments: number; bookings: number; decisions: number };
}

/** Seeds the commune `slug` (which must not exist yet) as it would be on `now`. */
export async function seedBenchCommune(db: Db, params: { slug: string; now: Date }): Promise<BenchCommune> {
  const { slug, now } = params;
  const today = parisDay(now);
  const years = bookableSchoolYears(today);
  const year = years[0]!;
  const closed = new Map(years.flatMap((y) => [...schoolYearClosures(y)]));
  const openDays = eachDay(year.startsOn, year.endsOn).filter((day) => !closed.has(day));
  const canteenDays = openDays.filter((day) => DEMO_ACTIVITIES.repas.weekdays.includes(isoWeekday(day)));
  // The booked day each household's decision is about: the next canteen day (the year's last one in summer).
  const decisionDay = canteenDays.find((day) => day > today) ?? canteenDays.at(-1)!;
  const digestWindowEnd = parisInstant(today, "18:00");
  const windowFrom = parisInstant(today, "13:01");
  const bookedAt = parisInstant(addDays(year.startsOn, -12), "10:00").toISOString();
  const trioCode = "BN00000000";

  const result = await db.transaction(async (tx) => {
    const run = (query: SQL) => tx.execute(query);
    const communeId = await insertBenchCommune(tx, slug);
    const [agent] = await tx
      .insert(users)
      .values({
        communeId,
        email: `agent@${slug}.bench.test`,
        passwordHash: NO_LOGIN_HASH,
        civility: "M",
        lastName: "AGENT",
        firstName: "Banc",
        role: "agent",
        status: "active",
      })
      .returning({ id: users.id });
    const made = await tx
      .insert(activities)
      .values(
        (["periMatin", "repas", "periSoir", "mercredi"] as const).map((key) => ({
          ...DEMO_ACTIVITIES[key],
          communeId,
          capacity: 20_000,
        })),
      )
      .returning({ id: activities.id, code: activities.code });
    const activityId = (key: keyof BenchCommune["activityIds"]) =>
      made.find((a) => a.code === DEMO_ACTIVITIES[key].code)!.id;
    const activityIds = {
      periMatin: activityId("periMatin"),
      repas: activityId("repas"),
      periSoir: activityId("periSoir"),
      mercredi: activityId("mercredi"),
    };
    await tx.insert(closureDays).values([...closed].map(([date, c]) => ({ communeId, date, ...c })));

    // Household 0 is the three-child family.
    await run(sql`
      insert into households (commune_id, name, subscriber_code, family_quotient)
      select ${communeId}, (${pgArray(SURNAMES)}::text[])[1 + g % ${SURNAMES.length}], 'BN' || lpad(g::text, 8, '0'), 300 + (g * 37) % 1500
      from generate_series(0, ${HOUSEHOLDS}) g`);
    await run(sql`
      insert into children (commune_id, household_id, last_name, first_name, birth_date, sex)
      select h.commune_id, h.id, h.name,
        case when k % 2 = 0 then (${pgArray(GIRLS)}::text[])[1 + abs(hashtext(h.id::text || k)) % ${GIRLS.length}]
             else (${pgArray(BOYS)}::text[])[1 + abs(hashtext(h.id::text || k)) % ${BOYS.length}] end,
        date '2015-09-01' + abs(hashtext(h.id::text || k || 'birth')) % 2900,
        case when k % 2 = 0 then 'F' else 'M' end
      from households h, generate_series(1, case when h.subscriber_code = ${trioCode} then 3 else 2 end) k
      where h.commune_id = ${communeId}`);
    await run(sql`
      insert into users (commune_id, email, password_hash, civility, last_name, first_name, role, status, terms_accepted_at, activated_at)
      select h.commune_id, lower(h.subscriber_code) || '@' || ${slug} || '.bench.test', ${NO_LOGIN_HASH}, 'MME', h.name, 'Camille', 'family', 'active', ${bookedAt}::timestamptz, ${bookedAt}::timestamptz
      from households h where h.commune_id = ${communeId}`);
    await run(sql`
      insert into subscriptions (commune_id, user_id, household_id, method)
      select h.commune_id, u.id, h.id, 'subscriber_code'
      from households h join users u on u.commune_id = h.commune_id and u.email = lower(h.subscriber_code) || '@' || ${slug} || '.bench.test'
      where h.commune_id = ${communeId}`);

    // Every child eats at the canteen and goes to one other activity; the three-child family's go to all four.
    await run(sql`
      insert into enrolments (commune_id, household_id, child_id, activity_id, starts_on, ends_on)
      select c.commune_id, c.household_id, c.id, a.id, y.starts_on, y.ends_on
      from children c
      join households h on h.id = c.household_id
      join activities a on a.commune_id = c.commune_id
      cross join unnest(${pgArray(years.map((y) => y.startsOn))}::date[], ${pgArray(years.map((y) => y.endsOn))}::date[]) y(starts_on, ends_on)
      where c.commune_id = ${communeId}
        and (h.subscriber_code = ${trioCode} or a.id = ${activityIds.repas}
             or a.id = (array[${activityIds.periMatin}, ${activityIds.periSoir}, ${activityIds.mercredi}]::uuid[])[1 + abs(hashtext(c.id::text)) % 3])`);

    // This school year's bookings: most canteen days (always the decision day) and the other activity one weekday
    // a week (Wednesday for Mercredi Loisirs); the three-child family's other activities stay free for the bench.
    await run(sql`
      insert into bookings (commune_id, household_id, child_id, activity_id, date, status, created_at, updated_at)
      select e.commune_id, e.household_id, e.child_id, e.activity_id, d.day,
        case when d.day < ${today}::date and abs(hashtext(e.child_id::text || d.day)) % 40 = 0 then 'absent' else 'booked' end::booking_status,
        ${bookedAt}::timestamptz, ${bookedAt}::timestamptz
      from enrolments e
      join activities a on a.id = e.activity_id
      join households h on h.id = e.household_id
      cross join unnest(${pgArray(openDays)}::date[]) d(day)
      where e.commune_id = ${communeId} and e.starts_on = ${year.startsOn}::date
        and extract(isodow from d.day)::int = any(a.weekdays)
        and case
          when a.id = ${activityIds.repas} then d.day = ${decisionDay}::date or abs(hashtext(e.child_id::text || d.day)) % 100 >= ${CANTEEN_GAPS}
          when h.subscriber_code = ${trioCode} then false
          else a.weekdays = '{3}' or extract(isodow from d.day)::int = (array[1, 2, 4, 5])[1 + abs(hashtext(e.child_id::text || 'day')) % 4]
        end`);

    // One town decision per household, spread over the window 13:01–17:59.
    await run(sql`
      insert into booking_events (commune_id, household_id, booking_id, kind, side, actor_user_id, created_at)
      select distinct on (b.household_id) b.commune_id, b.household_id, b.id, 'accepted', 'town', ${agent!.id},
        ${windowFrom.toISOString()}::timestamptz + (abs(hashtext(b.household_id::text)) % 299) * interval '1 minute'
      from bookings b
      where b.commune_id = ${communeId} and b.activity_id = ${activityIds.repas} and b.date = ${decisionDay}::date
      order by b.household_id, b.child_id`);

    const [trioHousehold] = await tx
      .select({ id: households.id })
      .from(households)
      .where(and(eq(households.communeId, communeId), eq(households.subscriberCode, trioCode)));
    const householdId = trioHousehold!.id;
    const [trioAccount] = await tx
      .select({ userId: subscriptions.userId })
      .from(subscriptions)
      .where(eq(subscriptions.householdId, householdId));
    const trioChildren = await tx
      .select({ id: children.id })
      .from(children)
      .where(eq(children.householdId, householdId))
      .orderBy(asc(children.birthDate));
    const threeChildFamily = { householdId, userId: trioAccount!.userId, childIds: trioChildren.map((c) => c.id) };
    await recountPlaces(tx, { communeId });
    const countOf = async (
      table: typeof households | typeof children | typeof enrolments | typeof bookings | typeof bookingEvents,
    ) => (await tx.select({ n: count() }).from(table).where(eq(table.communeId, communeId)))[0]!.n;
    const counts = {
      households: await countOf(households),
      children: await countOf(children),
      enrolments: await countOf(enrolments),
      bookings: await countOf(bookings),
      decisions: await countOf(bookingEvents),
    };
    return { communeId, agentUserId: agent!.id, threeChildFamily, activityIds, digestWindowEnd, counts };
  });
  // Fresh statistics, so the planner sees the tables as they now are.
  for (const table of [
    "households",
    "children",
    "users",
    "subscriptions",
    "enrolments",
    "bookings",
    "booking_events",
    "activity_day_places",
  ])
    await db.execute(sql.raw(`analyze ${table}`));
  return result;
}

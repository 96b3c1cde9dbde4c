import type { Metadata } from "next";
import { visibleRange } from "@/components/planning/calendar-view";
import { packPlanning } from "@/components/planning/packed-planning";
import styles from "@/components/planning/planning.module.css";
import { PlanningCalendar } from "@/components/planning/planning-calendar";
import { parsePlanningQuery } from "@/components/planning/planning-query";
import { Breadcrumbs } from "@/components/shell/breadcrumbs";
import { NoSubscriptionNotice } from "@/components/subscriptions/no-subscription-notice";
import { Link } from "@/components/ui/link";
import { requireUser } from "@/lib/auth/session";
import { loadPlanning } from "@/lib/bookings/planning";
import { todayInParis } from "@/lib/clock";
import { getDb } from "@/lib/db";
import { breadcrumbs } from "@/lib/routes/breadcrumbs";
import { routes } from "@/lib/routes/paths";
import { chooseSubscribedHousehold } from "@/lib/subscriptions/households";
import { cancelSlot, requestSlot, slotHistoryAction } from "./actions";

type Props = {
  params: Promise<{ commune: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export const metadata: Metadata = { title: "Planning des activités" };

/** "Planning des activités": the enrolled children's slots over the days the URL's view and date show. */
export default async function PlanningPage({ params, searchParams }: Props) {
  const { commune: slug } = await params;
  const { commune, user } = await requireUser(slug, { returnTo: routes.family.planning(slug) });
  const today = todayInParis();
  const query = parsePlanningQuery(await searchParams, today);
  const db = await getDb();
  const households = await chooseSubscribedHousehold(db, {
    communeId: commune.id,
    userId: user.id,
    requested: query.famille,
  });
  const crumbs = breadcrumbs.familySpace(slug, "Planning des activités");
  if (!households) {
    return (
      <>
        <Breadcrumbs items={crumbs} />
        <h1>Planning des activités</h1>
        <NoSubscriptionNotice commune={commune} canSubscribe={user.role === "family"} />
      </>
    );
  }
  const household = households.current;
  const data = await loadPlanning(db, {
    communeId: commune.id,
    householdId: household.id,
    ...visibleRange(query.vue, query.date),
  });
  const famille = households.all.length > 1 ? household.id : undefined;
  return (
    <>
      <Breadcrumbs items={crumbs} />
      <h1>Planning des activités</h1>
      {famille ? (
        <nav aria-label="Dossier famille affiché">
          <ul className={styles.households}>
            {households.all.map((h) => (
              <li key={h.id}>
                <Link
                  href={routes.family.planning(slug, { ...query, famille: h.id })}
                  aria-current={h.id === household.id ? "page" : undefined}
                >
                  Famille {h.name}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
      <PlanningCalendar
        slug={slug}
        planning={packPlanning(data)}
        vue={query.vue}
        date={query.date}
        today={today}
        famille={famille}
        actions={{
          request: requestSlot.bind(null, slug),
          cancel: cancelSlot.bind(null, slug),
          history: slotHistoryAction.bind(null, slug),
        }}
      />
    </>
  );
}

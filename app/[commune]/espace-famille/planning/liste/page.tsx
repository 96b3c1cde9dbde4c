import { format, parse } from "date-fns";
import { fr } from "date-fns/locale";
import type { Metadata } from "next";
import { z } from "zod";
import { memoByDay } from "@/components/planning/memo-by-day";
import { type BookingRequestListRow, RequestListTable } from "@/components/planning/request-list";
import styles from "@/components/planning/request-list.module.css";
import { RequestListFilter } from "@/components/planning/request-list-filter";
import { Pager } from "@/components/requests/pager";
import { Breadcrumbs } from "@/components/shell/breadcrumbs";
import { NoSubscriptionNotice } from "@/components/subscriptions/no-subscription-notice";
import { Link } from "@/components/ui/link";
import { requireUser } from "@/lib/auth/session";
import { type BookingRequestRow, listBookingRequests, listRequestListChildren } from "@/lib/bookings/request-list";
import { getDb } from "@/lib/db";
import { breadcrumbs } from "@/lib/routes/breadcrumbs";
import { routes } from "@/lib/routes/paths";
import { chooseSubscribedHousehold } from "@/lib/subscriptions/households";

type Props = {
  params: Promise<{ commune: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export const metadata: Metadata = { title: "Planning / Liste" };

const PAGE_SIZE = 20;

// Anything malformed in the address falls back to the whole first page rather than failing.
const first = (v: unknown) => (Array.isArray(v) ? v[0] : v);
const querySchema = z.object({
  enfant: z.preprocess(first, z.uuid().optional()).catch(undefined),
  famille: z.preprocess(first, z.uuid().optional()).catch(undefined),
  page: z.preprocess(first, z.coerce.number().int().min(1).max(100_000)).catch(1),
});

/** "20 nov. 2026", as the guide's list prints a period's ends. */
const shortDay = memoByDay((day) => format(parse(day, "yyyy-MM-dd", new Date()), "d MMM yyyy", { locale: fr }));

/** What the list shows of a request, written out here (see BookingRequestListRow). */
function listRow(item: BookingRequestRow): BookingRequestListRow {
  return {
    id: item.id,
    reference: item.reference,
    child: item.childFirstName ?? "-",
    type: item.typeLabel,
    facility: item.facility ?? "-",
    activity: item.activityLabel ?? "-",
    period: item.from && item.to ? `${shortDay(item.from)} - ${shortDay(item.to)}` : "-",
    status: item.status,
    statusLabel: item.statusLabel,
  };
}

/** The household's booking and absence requests as a list, filtered by child. */
export default async function PlanningListPage({ params, searchParams }: Props) {
  const { commune: slug } = await params;
  const { commune, user } = await requireUser(slug, { returnTo: routes.family.planningList(slug) });
  const query = querySchema.parse(await searchParams);
  const db = await getDb();
  const households = await chooseSubscribedHousehold(db, {
    communeId: commune.id,
    userId: user.id,
    requested: query.famille,
  });
  const crumbs = <Breadcrumbs items={breadcrumbs.planning(slug, "Liste")} />;
  if (!households) {
    return (
      <>
        {crumbs}
        <h1>Planning / Liste</h1>
        <NoSubscriptionNotice commune={commune} canSubscribe={user.role === "family"} />
      </>
    );
  }

  const scope = { communeId: commune.id, householdId: households.current.id };
  const childrenList = await listRequestListChildren(db, scope);
  const childId = childrenList.some((c) => c.id === query.enfant) ? query.enfant : undefined;
  const list = await listBookingRequests(db, { ...scope, childId, page: query.page, pageSize: PAGE_SIZE });
  const famille = households.all.length > 1 ? households.current.id : undefined;

  return (
    <>
      {crumbs}
      <h1>
        Planning / Liste ({list.total} Résultat{list.total > 1 ? "s" : ""})
      </h1>
      {famille ? <p>Famille {households.current.name}</p> : null}
      <p className={styles.views}>
        Afficher : <Link href={routes.family.planning(slug)}>Planning</Link> / <span aria-current="page">Liste</span>
      </p>
      <RequestListFilter
        action={routes.family.planningList(slug)}
        childrenList={childrenList}
        value={childId}
        householdId={famille}
      />
      {list.items.length === 0 ? (
        <p>Aucune demande de réservation ou d&apos;absence{childId ? " pour cet enfant" : ""}.</p>
      ) : (
        <RequestListTable slug={slug} rows={list.items.map(listRow)} />
      )}
      <Pager
        page={list.page}
        pageCount={list.pageCount}
        href={(page) => routes.family.planningList(slug, { famille, enfant: childId, page })}
      />
    </>
  );
}

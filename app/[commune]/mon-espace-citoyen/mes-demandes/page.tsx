import type { Metadata } from "next";
import { DocumentsToProvide } from "@/components/documents/documents-to-provide";
import { MarkReadForm } from "@/components/requests/mark-read-form";
import { Pager } from "@/components/requests/pager";
import { RequestFilters } from "@/components/requests/request-filters";
import { type RequestRow, RequestTable } from "@/components/requests/request-table";
import { Breadcrumbs } from "@/components/shell/breadcrumbs";
import { NoSubscriptionNotice } from "@/components/subscriptions/no-subscription-notice";
import { requireUser } from "@/lib/auth/session";
import { todayInParis } from "@/lib/clock";
import { getDb } from "@/lib/db";
import { countDocumentsToProvide } from "@/lib/documents/household-documents";
import { formatDateTime } from "@/lib/format";
import { listAccountPreRegistrations, listHouseholdRequests, type RequestListItem } from "@/lib/requests/lists";
import { unreadMessagesLabel } from "@/lib/requests/types";
import { breadcrumbs } from "@/lib/routes/breadcrumbs";
import { routes } from "@/lib/routes/paths";
import { chooseSubscribedHousehold } from "@/lib/subscriptions/households";
import { markMyRequestsRead } from "./actions";
import { requestFiltersSchema } from "./filters";

type Props = {
  params: Promise<{ commune: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export const metadata: Metadata = { title: "Mes demandes" };

const PAGE_SIZE = 20;

const resultCount = (n: number) => `${n} résultat${n > 1 ? "s" : ""}`;

/** What the table shows of a request, written out here (see RequestRow). */
function requestRow(item: RequestListItem): RequestRow {
  return {
    id: item.id,
    reference: item.reference,
    date: formatDateTime(item.createdAt),
    description: item.subject ? `${item.typeLabel} – ${item.subject}` : item.typeLabel,
    status: item.status,
    statusLabel: item.statusLabel,
    unread: item.unreadCount > 0 ? unreadMessagesLabel(item.unreadCount) : null,
  };
}

/** Mes demandes: every request of the household, of every type, newest first, with filters and paging. */
export default async function MyRequestsPage({ params, searchParams }: Props) {
  const { commune: slug } = await params;
  const { commune, user } = await requireUser(slug, { returnTo: routes.citizen.requests(slug) });
  const filters = requestFiltersSchema.parse(await searchParams);
  const db = await getDb();
  const households = await chooseSubscribedHousehold(db, {
    communeId: commune.id,
    userId: user.id,
    requested: filters.famille,
  });
  const crumbs = breadcrumbs.myRequests(slug);
  if (!households) {
    // A new family's pre-registration has no household until the town accepts it: it is listed on its own.
    const preRegistrations =
      user.role === "family"
        ? (await listAccountPreRegistrations(db, { communeId: commune.id, userId: user.id })).items
        : [];
    const pending = preRegistrations.some((r) => r.status === "pending");
    return (
      <>
        <Breadcrumbs items={crumbs} />
        <h1>Mes demandes{preRegistrations.length ? ` (${resultCount(preRegistrations.length)})` : null}</h1>
        {pending ? (
          <p className="notice">
            Votre pré-inscription est en cours de traitement par la commune : votre Espace Famille s&apos;ouvrira dès
            qu&apos;elle sera acceptée.
          </p>
        ) : null}
        {preRegistrations.length ? <RequestTable slug={slug} rows={preRegistrations.map(requestRow)} /> : null}
        {pending ? null : <NoSubscriptionNotice commune={commune} canSubscribe={user.role === "family"} />}
      </>
    );
  }
  const household = households.current;
  const [toProvide, list] = await Promise.all([
    countDocumentsToProvide(db, { communeId: commune.id, householdId: household.id, today: todayInParis() }),
    listHouseholdRequests(db, {
      communeId: commune.id,
      householdId: household.id,
      types: filters.type ? [filters.type] : undefined,
      state: filters.etat,
      reference: filters.reference,
      page: filters.page,
      pageSize: PAGE_SIZE,
    }),
  ]);
  const scoped = { ...filters, famille: households.all.length > 1 ? household.id : undefined };
  return (
    <>
      <Breadcrumbs items={crumbs} />
      <h1>Mes demandes ({resultCount(list.total)})</h1>
      {households.all.length > 1 ? <p>Famille {household.name}</p> : null}
      <DocumentsToProvide slug={slug} count={toProvide} householdId={scoped.famille} />
      <RequestFilters
        action={routes.citizen.requests(slug)}
        resetHref={routes.citizen.requests(slug)}
        values={filters}
        householdId={scoped.famille}
      />
      {list.items.length === 0 ? (
        <p>Aucune demande ne correspond à ces critères.</p>
      ) : (
        <MarkReadForm action={markMyRequestsRead.bind(null, slug)} householdId={household.id}>
          <RequestTable slug={slug} rows={list.items.map(requestRow)} />
        </MarkReadForm>
      )}
      <Pager
        page={list.page}
        pageCount={list.pageCount}
        href={(page) => routes.citizen.requests(slug, { ...scoped, page })}
      />
    </>
  );
}

import type { Metadata } from "next";
import { type InboxRow, RequestInbox } from "@/components/agent/requests/request-inbox";
import styles from "@/components/agent/requests/requests.module.css";
import { RequestTypeSelect } from "@/components/requests/request-type-select";
import { Breadcrumbs } from "@/components/shell/breadcrumbs";
import { Link } from "@/components/ui/link";
import { SearchForm } from "@/components/ui/search-form";
import { requireUser, staffRoles } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { formatDate } from "@/lib/format";
import { listCommuneRequests } from "@/lib/requests/lists";
import { breadcrumbs } from "@/lib/routes/breadcrumbs";
import { routes } from "@/lib/routes/paths";
import { decideRequestsAction } from "./actions";
import { INBOX_STATUS_FILTERS, inboxSearchParams } from "./search-params";

type Props = {
  params: Promise<{ commune: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export const metadata: Metadata = { title: "Demandes" };

/** The agents' inbox: the commune's family requests, filtered, paged, decided one by one or by selection. */
export default async function RequestInboxPage({ params, searchParams }: Props) {
  const { commune: slug } = await params;
  const { commune } = await requireUser(slug, {
    roles: staffRoles,
    returnTo: routes.agent.requests(slug),
  });
  const search = inboxSearchParams.parse(await searchParams);
  const result = await listCommuneRequests(await getDb(), {
    communeId: commune.id,
    types: search.type ? [search.type] : undefined,
    status: search.etat,
    search: search.q,
    page: search.page,
  });
  const rows: InboxRow[] = result.items.map((item) => ({
    id: item.id,
    reference: item.reference,
    href: routes.agent.request(slug, item.id),
    householdName: item.householdName,
    typeLabel: item.typeLabel,
    subject: item.subject,
    createdOn: formatDate(item.createdAt),
    statusLabel: item.statusLabel,
    pending: item.status === "pending",
  }));
  const pageText = result.pageCount > 1 ? ` – page ${result.page} sur ${result.pageCount}` : "";
  const caption = `Demandes ${INBOX_STATUS_FILTERS[search.etat].toLowerCase()} (${result.total} au total)${pageText}`;

  return (
    <>
      <Breadcrumbs items={breadcrumbs.agentRequests(slug)} />
      <h1>Demandes</h1>
      <SearchForm
        label="Filtrer les demandes"
        submitLabel="Rechercher"
        className={`form ${styles.filters}`}
        after={<Link href={routes.agent.requests(slug)}>Réinitialiser les filtres</Link>}
      >
        <RequestTypeSelect value={search.type} />
        <div className="field">
          <label htmlFor="filtre-etat">État</label>
          <select id="filtre-etat" name="etat" defaultValue={search.etat}>
            {Object.entries(INBOX_STATUS_FILTERS).map(([code, label]) => (
              <option key={code} value={code}>
                {label}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="filtre-recherche">Famille ou référence</label>
          <input id="filtre-recherche" type="search" name="q" defaultValue={search.q} maxLength={100} />
        </div>
      </SearchForm>

      <RequestInbox
        key={`${search.etat}-${search.type ?? ""}-${search.q}-${result.page}`}
        action={decideRequestsAction.bind(null, slug)}
        rows={rows}
        caption={caption}
        empty={
          result.total === 0 ? (
            <p role="status">Aucune demande ne correspond à ces critères.</p>
          ) : (
            <p role="status">
              Cette page est vide.{" "}
              <Link href={routes.agent.requests(slug, { ...search, page: 1 })}>Revenir à la première page</Link>
            </p>
          )
        }
      />

      {result.pageCount > 1 ? (
        <nav aria-label="Pagination des demandes" className="button-row">
          {result.page > 1 ? (
            <Link href={routes.agent.requests(slug, { ...search, page: result.page - 1 })}>Page précédente</Link>
          ) : null}
          {result.page < result.pageCount ? (
            <Link href={routes.agent.requests(slug, { ...search, page: result.page + 1 })}>Page suivante</Link>
          ) : null}
        </nav>
      ) : null}
    </>
  );
}

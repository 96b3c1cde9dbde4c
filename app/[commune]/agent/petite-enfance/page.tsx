import type { Metadata } from "next";
import { DemandTable } from "@/components/nursery/agent/demand-table";
import { NurseryFilters } from "@/components/nursery/agent/nursery-filters";
import { Pager } from "@/components/requests/pager";
import { Breadcrumbs } from "@/components/shell/breadcrumbs";
import { DataTable } from "@/components/ui/data-table";
import { Link } from "@/components/ui/link";
import { requireUser, staffRoles } from "@/lib/auth/session";
import { currentTime } from "@/lib/clock";
import { getDb } from "@/lib/db";
import { formatDate } from "@/lib/format";
import { AGE_GROUP_LABELS } from "@/lib/nursery/age-groups";
import { listNurseryApplications, NURSERY_LIST_PAGE_SIZE, nurseryDemand } from "@/lib/nursery/agent-list";
import { APPLICATION_STATUS_LABELS, CARE_TYPE_LABELS } from "@/lib/nursery/labels";
import { breadcrumbs } from "@/lib/routes/breadcrumbs";
import { routes } from "@/lib/routes/paths";
import { nurseryListSearchParams, STATE_FILTERS } from "./search-params";

type Props = {
  params: Promise<{ commune: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export const metadata: Metadata = { title: "Petite enfance" };

const STATE_OPTIONS = Object.entries(STATE_FILTERS).map(([value, { label }]) => ({ value, label }));

/** The pré-inscriptions en crèche, oldest first, filtered; the demand per structure and age group beside the places. */
export default async function NurseryApplicationsPage({ params, searchParams }: Props) {
  const { commune: slug } = await params;
  const { commune, user } = await requireUser(slug, { roles: staffRoles, returnTo: routes.agent.nursery(slug) });
  const search = nurseryListSearchParams.parse(await searchParams);
  const db = await getDb();
  const [list, demand] = await Promise.all([
    listNurseryApplications(db, {
      communeId: commune.id,
      page: search.page,
      filters: {
        structureId: search.structure,
        month: search.mois,
        ageGroup: search.age,
        careType: search.garde,
        statuses: STATE_FILTERS[search.etat]?.statuses ?? null,
      },
    }),
    nurseryDemand(db, { communeId: commune.id, now: currentTime() }),
  ]);
  const filters = {
    structure: search.structure,
    mois: search.mois,
    age: search.age,
    garde: search.garde,
    etat: search.etat,
  };
  const pageCount = Math.max(1, Math.ceil(list.total / NURSERY_LIST_PAGE_SIZE));
  const pageText = pageCount > 1 ? ` – page ${search.page} sur ${pageCount}` : "";

  return (
    <>
      <Breadcrumbs items={breadcrumbs.agentNursery(slug)} />
      <h1>Petite enfance</h1>
      <p>
        <Link className="button" href={routes.agent.nurseryCommission(slug)}>
          Préparer une commission
        </Link>
        {user.role === "admin" ? (
          <>
            {" "}
            <Link href={routes.agent.nurserySettings(slug)}>Paramètres de la petite enfance</Link>
          </>
        ) : null}
      </p>

      <DemandTable lines={demand} />

      <h2>Demandes de pré-inscription</h2>
      <NurseryFilters
        label="Filtrer les demandes de pré-inscription"
        structures={list.structures}
        values={filters}
        states={STATE_OPTIONS}
        resetHref={routes.agent.nursery(slug)}
      />
      {list.rows.length === 0 ? (
        <p role="status">
          {list.total === 0 ? "Aucune demande ne correspond à ces critères." : "Cette page est vide."}
        </p>
      ) : (
        <DataTable
          caption={`Demandes de pré-inscription, les plus anciennes d'abord (${list.total} au total)${pageText}`}
          rows={list.rows}
          columns={[
            {
              header: "Référence",
              rowHeader: true,
              cell: (row) => <Link href={routes.agent.nurseryApplication(slug, row.id)}>{row.reference}</Link>,
            },
            { header: "Enfant", cell: (row) => row.childName },
            {
              header: "Famille",
              cell: (row) => <Link href={routes.agent.household(slug, row.householdId)}>{row.householdName}</Link>,
            },
            { header: "Tranche d'âge", cell: (row) => AGE_GROUP_LABELS[row.ageGroup] },
            { header: "Type de garde", cell: (row) => CARE_TYPE_LABELS[row.careType] },
            { header: "Entrée souhaitée", cell: (row) => formatDate(row.desiredStartOn) },
            {
              header: "Structures souhaitées",
              cell: (row) => (
                <ol>
                  {row.wishes.map((wish) => (
                    <li key={wish.structureId}>{wish.name}</li>
                  ))}
                </ol>
              ),
            },
            {
              header: "État",
              cell: (row) =>
                `${APPLICATION_STATUS_LABELS[row.status]}${row.status === "waiting_list" && row.waitingRank ? ` (rang ${row.waitingRank})` : ""}`,
            },
            { header: "Déposée le", cell: (row) => formatDate(row.createdAt) },
          ]}
        />
      )}
      {pageCount > 1 ? (
        <Pager
          page={search.page}
          pageCount={pageCount}
          href={(page) => routes.agent.nursery(slug, { ...filters, page })}
        />
      ) : null}
    </>
  );
}

import type { Metadata } from "next";
import Link from "next/link";
import { Breadcrumbs } from "@/components/shell/breadcrumbs";
import { DataTable } from "@/components/ui/data-table";
import { requireUser, staffRoles } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { searchHouseholds } from "@/lib/households/agent-search";
import { breadcrumbs } from "@/lib/routes/breadcrumbs";
import { routes } from "@/lib/routes/paths";
import { familySearchParams } from "./search-params";

type Props = {
  params: Promise<{ commune: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export const metadata: Metadata = { title: "Familles" };

/** Search of the commune's households by family name, responsable's name or e-mail, or code abonné. */
export default async function FamilySearchPage({ params, searchParams }: Props) {
  const { commune: slug } = await params;
  const { commune } = await requireUser(slug, { roles: staffRoles, returnTo: routes.agent.households(slug) });
  const { q, page: requestedPage } = familySearchParams.parse(await searchParams);
  const result = await searchHouseholds(await getDb(), { communeId: commune.id, query: q, page: requestedPage });
  const { page } = result;
  const resultCount = `${result.total} résultat${result.total > 1 ? "s" : ""}`;

  return (
    <>
      <Breadcrumbs items={breadcrumbs.households(slug)} />
      <h1>Familles</h1>
      <form className="form" method="get" role="search" aria-label="Rechercher une famille">
        <div className="field">
          <label htmlFor="recherche-famille">Rechercher une famille</label>
          <p className="field__hint" id="recherche-famille-aide">
            Nom de famille, nom ou e-mail d&apos;un responsable, ou code abonné.
          </p>
          <input
            id="recherche-famille"
            type="search"
            name="q"
            defaultValue={q}
            maxLength={100}
            aria-describedby="recherche-famille-aide"
          />
        </div>
        <div className="button-row">
          <button type="submit" className="button">
            Rechercher
          </button>
          {q ? <Link href={routes.agent.households(slug)}>Voir toutes les familles</Link> : null}
        </div>
      </form>

      {result.total === 0 ? (
        <p role="status">Aucun dossier famille ne correspond à votre recherche.</p>
      ) : (
        <DataTable
          label="Dossiers famille"
          caption={`Dossiers famille (${resultCount})${result.pageCount > 1 ? ` – page ${page} sur ${result.pageCount}` : ""}`}
          rows={result.households}
          rowKey={(household) => household.id}
          columns={[
            {
              header: "Famille",
              cell: (household) => (
                <Link href={routes.agent.household(slug, household.id)}>Famille {household.name}</Link>
              ),
            },
            { header: "Responsables", cell: (household) => household.guardianNames.join(", ") },
            { header: "Code abonné", cell: (household) => <span className="code">{household.subscriberCode}</span> },
          ]}
        />
      )}

      {result.pageCount > 1 ? (
        <nav aria-label="Pagination des résultats" className="button-row">
          {page > 1 ? <Link href={routes.agent.households(slug, { q, page: page - 1 })}>Page précédente</Link> : null}
          {page < result.pageCount ? (
            <Link href={routes.agent.households(slug, { q, page: page + 1 })}>Page suivante</Link>
          ) : null}
        </nav>
      ) : null}
    </>
  );
}

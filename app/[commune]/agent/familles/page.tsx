import type { Metadata } from "next";
import { Breadcrumbs } from "@/components/shell/breadcrumbs";
import { DataTable } from "@/components/ui/data-table";
import { Link } from "@/components/ui/link";
import { SearchField, SearchForm } from "@/components/ui/search-form";
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
      <SearchForm
        label="Rechercher une famille"
        submitLabel="Rechercher"
        after={q ? <Link href={routes.agent.households(slug)}>Voir toutes les familles</Link> : null}
      >
        <SearchField
          id="recherche-famille"
          label="Rechercher une famille"
          hint="Nom de famille, nom ou e-mail d'un responsable, ou code abonné."
          defaultValue={q}
        />
      </SearchForm>

      {result.total === 0 ? (
        <p role="status">Aucun dossier famille ne correspond à votre recherche.</p>
      ) : (
        <DataTable
          label="Dossiers famille"
          caption={`Dossiers famille (${resultCount})${result.pageCount > 1 ? ` – page ${page} sur ${result.pageCount}` : ""}`}
          rows={result.households}
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

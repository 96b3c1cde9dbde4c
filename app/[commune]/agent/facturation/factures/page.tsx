import type { Metadata } from "next";
import { Breadcrumbs } from "@/components/shell/breadcrumbs";
import { DataTable } from "@/components/ui/data-table";
import { Link } from "@/components/ui/link";
import { SearchForm } from "@/components/ui/search-form";
import { requireUser, staffRoles } from "@/lib/auth/session";
import { findHouseholdName, searchInvoices } from "@/lib/billing/agent-invoices";
import { balanceCents, invoiceStatusLabel } from "@/lib/billing/status";
import { getDb } from "@/lib/db";
import { formatDate, formatEuros } from "@/lib/format";
import { breadcrumbs } from "@/lib/routes/breadcrumbs";
import { routes } from "@/lib/routes/paths";
import { INVOICE_STATUS_FILTERS, invoiceSearchParams } from "./search-params";

type Props = {
  params: Promise<{ commune: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export const metadata: Metadata = { title: "Factures" };

/** The commune's invoices: by family name or invoice number, state and household, newest first, paged. */
export default async function AgentInvoicesPage({ params, searchParams }: Props) {
  const { commune: slug } = await params;
  const { commune } = await requireUser(slug, { roles: staffRoles, returnTo: routes.agent.invoices(slug) });
  const search = invoiceSearchParams.parse(await searchParams);
  const db = await getDb();
  const household = search.famille
    ? await findHouseholdName(db, { communeId: commune.id, householdId: search.famille })
    : null;
  const result = await searchInvoices(db, {
    communeId: commune.id,
    query: search.q,
    status: search.etat,
    // A household of another commune (or none) leaves the list empty rather than unfiltered.
    householdId: search.famille ? (household?.id ?? search.famille) : undefined,
    page: search.page,
  });
  const filters = { ...search, famille: household?.id };
  const pageText = result.pageCount > 1 ? ` – page ${result.page} sur ${result.pageCount}` : "";
  const count = result.totalIsBounded
    ? `plus de ${result.total.toLocaleString("fr-FR")} résultats, précisez la recherche`
    : `${result.total} résultat${result.total > 1 ? "s" : ""}`;
  const caption = `Factures${household ? ` de la famille ${household.name}` : ""} (${count})${pageText}`;

  return (
    <>
      <Breadcrumbs items={breadcrumbs.agentInvoices(slug)} />
      <h1>Factures{household ? ` de la famille ${household.name}` : ""}</h1>
      {household ? (
        <p className="button-row">
          <Link className="button" href={routes.agent.newPayment(slug, household.id)}>
            Enregistrer un règlement
          </Link>
          <Link href={routes.agent.household(slug, household.id)}>Dossier de la famille {household.name}</Link>
        </p>
      ) : null}
      <SearchForm
        label="Rechercher une facture"
        submitLabel="Rechercher"
        after={<Link href={routes.agent.invoices(slug)}>Réinitialiser les filtres</Link>}
      >
        {household ? <input type="hidden" name="famille" value={household.id} /> : null}
        <div className="field">
          <label htmlFor="recherche-facture">Famille ou numéro de facture</label>
          <p className="field__hint" id="recherche-facture-aide">
            Nom de famille, ou tout ou partie du numéro (par exemple F2027-000123).
          </p>
          <input
            id="recherche-facture"
            type="search"
            name="q"
            defaultValue={search.q}
            maxLength={100}
            aria-describedby="recherche-facture-aide"
          />
        </div>
        <div className="field">
          <label htmlFor="filtre-etat">État</label>
          <select id="filtre-etat" name="etat" defaultValue={search.etat}>
            {Object.entries(INVOICE_STATUS_FILTERS).map(([code, label]) => (
              <option key={code} value={code}>
                {label}
              </option>
            ))}
          </select>
        </div>
      </SearchForm>

      {result.total === 0 ? (
        <p role="status">Aucune facture ne correspond à ces critères.</p>
      ) : (
        <DataTable
          label="Factures"
          caption={caption}
          rows={result.items}
          columns={[
            {
              header: "Numéro",
              rowHeader: true,
              cell: (invoice) => <Link href={routes.agent.invoice(slug, invoice.id)}>{invoice.reference}</Link>,
            },
            {
              header: "Famille",
              cell: (invoice) => (
                <Link href={routes.agent.household(slug, invoice.householdId)}>Famille {invoice.householdName}</Link>
              ),
            },
            { header: "Date", cell: (invoice) => formatDate(invoice.issuedOn) },
            { header: "Échéance", cell: (invoice) => formatDate(invoice.dueOn) },
            { header: "Émetteur", cell: (invoice) => invoice.issuer },
            { header: "Montant", cell: (invoice) => formatEuros(invoice.amountCents) },
            { header: "Solde", cell: (invoice) => formatEuros(balanceCents(invoice)) },
            { header: "Statut", cell: (invoice) => invoiceStatusLabel(invoice) },
          ]}
        />
      )}

      {result.pageCount > 1 ? (
        <nav aria-label="Pagination des factures" className="button-row">
          {result.page > 1 ? (
            <Link href={routes.agent.invoices(slug, { ...filters, page: result.page - 1 })}>Page précédente</Link>
          ) : null}
          {result.page < result.pageCount ? (
            <Link href={routes.agent.invoices(slug, { ...filters, page: result.page + 1 })}>Page suivante</Link>
          ) : null}
        </nav>
      ) : null}
    </>
  );
}

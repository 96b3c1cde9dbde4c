import type { Metadata } from "next";
import { type OnlinePaymentRow, OnlinePaymentsTable } from "@/components/agent/billing/online-payments-table";
import filters from "@/components/billing/billing.module.css";
import { Breadcrumbs } from "@/components/shell/breadcrumbs";
import { Link } from "@/components/ui/link";
import { SearchField, SearchForm } from "@/components/ui/search-form";
import { requireUser, staffRoles } from "@/lib/auth/session";
import { ONLINE_PAYMENT_FLAG_LABELS, ONLINE_PAYMENT_STATE_LABELS, resultCodeLabel } from "@/lib/billing/online/labels";
import { listOnlinePayments, ONLINE_PAYMENTS_PER_PAGE } from "@/lib/billing/online/reads";
import { getDb } from "@/lib/db";
import { formatDateTime, formatEuros } from "@/lib/format";
import { breadcrumbs } from "@/lib/routes/breadcrumbs";
import { routes } from "@/lib/routes/paths";
import { resolveOnlinePaymentFlagAction } from "./actions";
import { ONLINE_PAYMENT_STATE_FILTERS, onlinePaymentSearchParams } from "./search-params";

type Props = {
  params: Promise<{ commune: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export const metadata: Metadata = { title: "Paiements en ligne" };

/**
 * Every online payment attempt of the commune (PayFiP), flagged ones still to check first, then the newest: its
 * state, PayFiP's answer and the last time the portal asked. Paged and filtered like the invoices.
 */
export default async function OnlinePaymentsPage({ params, searchParams }: Props) {
  const { commune: slug } = await params;
  const { commune } = await requireUser(slug, { roles: staffRoles, returnTo: routes.agent.onlinePayments(slug) });
  const search = onlinePaymentSearchParams.parse(await searchParams);
  const db = await getDb();
  const list = (page: number) =>
    listOnlinePayments(db, {
      communeId: commune.id,
      state: search.etat === "all" ? undefined : search.etat,
      flagged: search.signales,
      from: search.du,
      to: search.au,
      q: search.q || undefined,
      page,
    });
  let { rows, total } = await list(search.page);
  const pageCount = Math.max(1, Math.ceil(total / ONLINE_PAYMENTS_PER_PAGE));
  const page = Math.min(search.page, pageCount);
  // A page past the end (an old link, the list shrank): the last page rather than an empty one.
  if (page < search.page) ({ rows, total } = await list(page));
  const shown: OnlinePaymentRow[] = rows.map((row) => ({
    id: row.id,
    createdAt: formatDateTime(row.createdAt),
    householdName: row.householdName,
    householdHref: routes.agent.household(slug, row.householdId),
    invoiceReference: row.invoiceReference,
    invoiceHref: routes.agent.invoice(slug, row.invoiceId),
    amount: formatEuros(row.amountCents),
    paid: row.paidCents === null ? "–" : formatEuros(row.paidCents),
    state: ONLINE_PAYMENT_STATE_LABELS[row.state],
    result: row.resultCode ? resultCodeLabel(row.resultCode) : null,
    transaction: row.authorizationNumber ? `Transaction n° ${row.authorizationNumber}` : null,
    idOp: row.idOp,
    lastCheck: row.lastCheckedAt ? formatDateTime(row.lastCheckedAt) : "Jamais",
    lastError: row.lastError,
    flag: row.flag ? ONLINE_PAYMENT_FLAG_LABELS[row.flag] : null,
    flagResolved: row.flagResolvedAt ? `Vérifié le ${formatDateTime(row.flagResolvedAt)}` : null,
  }));
  const pageText = pageCount > 1 ? ` – page ${page} sur ${pageCount}` : "";
  const caption = `Paiements en ligne (${total} résultat${total > 1 ? "s" : ""})${pageText}`;

  return (
    <>
      <Breadcrumbs items={breadcrumbs.agentBilling(slug, "Paiements en ligne")} />
      <h1>Paiements en ligne</h1>
      <p>
        Les paiements par carte des familles sur PayFiP. Un paiement signalé a été reçu mais demande une vérification :
        réglez la situation (règlement à affecter, remboursement), puis marquez-le comme vérifié.
      </p>
      <SearchForm
        label="Filtrer les paiements en ligne"
        submitLabel="Filtrer"
        className={filters.filters}
        after={<Link href={routes.agent.onlinePayments(slug)}>Réinitialiser les filtres</Link>}
      >
        <div className="field">
          <label htmlFor="filtre-etat">État</label>
          <select id="filtre-etat" name="etat" defaultValue={search.etat}>
            {Object.entries(ONLINE_PAYMENT_STATE_FILTERS).map(([code, label]) => (
              <option key={code} value={code}>
                {label}
              </option>
            ))}
          </select>
        </div>
        <div className="field field--checkbox">
          <input id="filtre-signales" type="checkbox" name="signales" value="1" defaultChecked={search.signales} />
          <label htmlFor="filtre-signales">Signalés uniquement</label>
        </div>
        <div className="field">
          <label htmlFor="filtre-du">Du</label>
          <input id="filtre-du" type="date" name="du" defaultValue={search.du} />
        </div>
        <div className="field">
          <label htmlFor="filtre-au">Au</label>
          <input id="filtre-au" type="date" name="au" defaultValue={search.au} />
        </div>
        <SearchField
          id="recherche-paiement"
          label="Recherche famille ou facture"
          hint="Nom de famille, ou tout ou partie du numéro de facture."
          defaultValue={search.q}
        />
      </SearchForm>

      {total === 0 ? (
        <p role="status">Aucun paiement en ligne ne correspond à ces critères.</p>
      ) : (
        <OnlinePaymentsTable action={resolveOnlinePaymentFlagAction.bind(null, slug)} rows={shown} caption={caption} />
      )}

      {pageCount > 1 ? (
        <nav aria-label="Pagination des paiements en ligne" className="button-row">
          {page > 1 ? (
            <Link href={routes.agent.onlinePayments(slug, { ...search, page: page - 1 })}>Page précédente</Link>
          ) : null}
          {page < pageCount ? (
            <Link href={routes.agent.onlinePayments(slug, { ...search, page: page + 1 })}>Page suivante</Link>
          ) : null}
        </nav>
      ) : null}
    </>
  );
}

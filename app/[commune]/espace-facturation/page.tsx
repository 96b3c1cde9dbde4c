import type { Metadata } from "next";
import styles from "@/components/billing/billing.module.css";
import { InvoiceList } from "@/components/billing/invoice-list";
import { Link } from "@/components/ui/link";
import { requireUser } from "@/lib/auth/session";
import { listAttestationYears } from "@/lib/billing/family/attestation-data";
import { listFamilyInvoices, listInvoiceFilterChoices } from "@/lib/billing/family/invoices";
import { openAttemptsByInvoice } from "@/lib/billing/online/reads";
import { todayInParis } from "@/lib/clock";
import { getDb } from "@/lib/db";
import { breadcrumbs } from "@/lib/routes/breadcrumbs";
import { routes } from "@/lib/routes/paths";
import { chooseSubscribedHousehold } from "@/lib/subscriptions/households";
import { BillingPage } from "./_billing/billing-page";
import { invoiceRow } from "./_billing/invoice-rows";
import { onlineOffers } from "./_billing/online-offers";
import { invoiceQuerySchema } from "./_billing/query";
import { payInvoiceOnline } from "./actions";

type Props = {
  params: Promise<{ commune: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export const metadata: Metadata = { title: "Mes factures – Espace facturation" };

/**
 * Mes factures: "Historique des factures", filtered by nature, year and "Factures à payer", with their règlements
 * and "Payer en ligne".
 */
export default async function BillingSpacePage({ params, searchParams }: Props) {
  const { commune: slug } = await params;
  const { commune, user } = await requireUser(slug, { returnTo: routes.billing(slug) });
  const query = invoiceQuerySchema.parse(await searchParams);
  const db = await getDb();
  const households = await chooseSubscribedHousehold(db, {
    communeId: commune.id,
    userId: user.id,
    requested: query.famille,
  });
  const filters = { nature: query.nature, annee: query.annee, aPayer: query.apayer === "1" };
  const frame = {
    crumbs: breadcrumbs.home(slug, "Espace facturation"),
    title: "Espace facturation",
    commune,
    user,
    households,
    section: "factures" as const,
    hrefFor: (famille: string) => routes.billing(slug, { famille }),
  };
  if (!households) return <BillingPage {...frame} />;

  const scope = { communeId: commune.id, userId: user.id, householdId: households.current.id };
  const currentYear = Number(todayInParis().slice(0, 4));
  const [invoices, choices, attestationYears, openAttempts] = await Promise.all([
    listFamilyInvoices(db, { ...scope, natureId: filters.nature, year: filters.annee, toPay: filters.aPayer }),
    listInvoiceFilterChoices(db, scope),
    listAttestationYears(db, { ...scope, currentYear }),
    openAttemptsByInvoice(db, scope),
  ]);
  const offers = onlineOffers(invoices, openAttempts);
  const famille = households.all.length > 1 ? households.current.id : undefined;
  const count = `${invoices.length} résultat${invoices.length > 1 ? "s" : ""}`;
  const filtered = Boolean(filters.nature || filters.annee || filters.aPayer);
  return (
    <BillingPage {...frame}>
      <p className="button-row">
        {filters.aPayer ? (
          <Link
            className="button button--secondary"
            href={routes.billing(slug, { ...filters, famille, aPayer: false })}
          >
            Voir toutes les factures
          </Link>
        ) : (
          <Link className="button" href={routes.billing(slug, { ...filters, famille, aPayer: true })}>
            Factures à payer
          </Link>
        )}
      </p>
      {/* biome-ignore lint/a11y/useSemanticElements: a form with role="search" is the search landmark every screen reader knows (see SearchForm). */}
      <form
        method="get"
        action={routes.billing(slug)}
        className={styles.filters}
        role="search"
        aria-label="Filtrer mes factures"
      >
        {famille ? <input type="hidden" name="famille" value={famille} /> : null}
        {filters.aPayer ? <input type="hidden" name="apayer" value="1" /> : null}
        <div className="field">
          <label htmlFor="filtre-nature">Nature</label>
          <select id="filtre-nature" name="nature" defaultValue={filters.nature ?? ""}>
            <option value="">Toutes les natures</option>
            {choices.natures.map((nature) => (
              <option key={nature.id} value={nature.id}>
                {nature.label}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="filtre-annee">Année</label>
          <select id="filtre-annee" name="annee" defaultValue={filters.annee ? String(filters.annee) : ""}>
            <option value="">Toutes les années</option>
            {choices.years.map((year) => (
              <option key={year} value={year}>
                {year}
              </option>
            ))}
          </select>
        </div>
        <div className="button-row">
          <button type="submit" className="button">
            Filtrer
          </button>
          {filtered ? (
            <Link className="button button--secondary" href={routes.billing(slug, { famille })}>
              Réinitialiser
            </Link>
          ) : null}
        </div>
      </form>
      <section aria-labelledby="historique-factures">
        <h2 id="historique-factures">Historique des factures ({count})</h2>
        {filters.aPayer ? <p>Seules les factures qui restent à payer sont affichées.</p> : null}
        {invoices.length === 0 ? (
          <p>
            {filtered
              ? "Aucune facture ne correspond à ces critères."
              : "Aucune facture n'a encore été émise pour votre dossier famille."}
          </p>
        ) : (
          <InvoiceList
            slug={slug}
            invoices={invoices.map((invoice) => invoiceRow(invoice, offers.get(invoice.id)))}
            payOnline={payInvoiceOnline.bind(null, slug)}
          />
        )}
      </section>
      <section aria-labelledby="attestations">
        <h2 id="attestations">Attestations de frais de garde</h2>
        <p>
          Pour votre déclaration de revenus : ce que vous avez réglé dans l&apos;année pour la garde de vos enfants de
          moins de 6 ans (accueil périscolaire et de loisirs, hors repas).
        </p>
        <ul>
          {attestationYears.map((year) => (
            <li key={year}>
              <a href={routes.billingAttestation(slug, year, famille)} download>
                Attestation de frais de garde {year} (PDF)
              </a>
            </li>
          ))}
        </ul>
      </section>
    </BillingPage>
  );
}

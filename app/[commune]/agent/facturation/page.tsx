import type { Metadata } from "next";
import billing from "@/components/agent/billing/billing.module.css";
import { Breadcrumbs } from "@/components/shell/breadcrumbs";
import { DataTable } from "@/components/ui/data-table";
import { Link } from "@/components/ui/link";
import { requireUser, staffRoles } from "@/lib/auth/session";
import { billingOverview } from "@/lib/billing/overview";
import { monthLabel } from "@/lib/billing/periods";
import { todayInParis } from "@/lib/clock";
import { getDb } from "@/lib/db";
import { formatDate, formatEuros } from "@/lib/format";
import { breadcrumbs } from "@/lib/routes/breadcrumbs";
import { routes } from "@/lib/routes/paths";

type Props = { params: Promise<{ commune: string }> };

export const metadata: Metadata = { title: "Facturation" };

/** The billing pages, by what an agent comes to do. */
function billingPages(slug: string) {
  return [
    {
      href: routes.agent.billingRunEmission(slug),
      title: "Émission des factures",
      text: "Prévisualiser puis émettre les factures du mois d'une régie, à partir du planning.",
    },
    {
      href: routes.agent.invoices(slug),
      title: "Factures",
      text: "Rechercher une facture, voir ses lignes et ses règlements, enregistrer un règlement, annuler par un avoir.",
    },
    {
      href: routes.agent.onlinePayments(slug),
      title: "Paiements en ligne",
      text: "Suivre les paiements par carte des familles sur PayFiP, et vérifier ceux qui sont signalés.",
    },
    {
      href: routes.agent.treasury(slug),
      title: "Trésorerie",
      text: "Transmettre en trésorerie les factures impayées après leur échéance.",
    },
    {
      href: routes.agent.billingSettings(slug),
      title: "Paramètres",
      text: "Régies, natures de facturation, et pour chaque activité sa nature et ses tarifs par quotient familial.",
    },
    {
      href: routes.agent.billingExports(slug),
      title: "Exports",
      text: "Télécharger une facturation pour le logiciel comptable et le fichier des prélèvements du mois.",
    },
  ];
}

/** Espace agent › Facturation: what is still due, each régie's last run, and the billing pages. */
export default async function BillingHubPage({ params }: Props) {
  const { commune: slug } = await params;
  const { commune } = await requireUser(slug, { roles: staffRoles, returnTo: routes.agent.billing(slug) });
  const overview = await billingOverview(await getDb(), { communeId: commune.id, today: todayInParis() });
  const { payable } = overview;
  return (
    <>
      <Breadcrumbs items={breadcrumbs.agentBilling(slug)} />
      <h1>Facturation</h1>
      <h2>En ce moment</h2>
      <ul className={billing.figures}>
        <li className={billing.figure}>
          Factures à payer
          <strong>{payable.count}</strong>
          {payable.overdueCount > 0 ? `dont ${payable.overdueCount} échue${payable.overdueCount > 1 ? "s" : ""}` : null}
        </li>
        <li className={billing.figure}>
          Reste à encaisser
          <strong>{formatEuros(payable.balanceCents)}</strong>
          hors prélèvements et trésorerie
        </li>
      </ul>
      {overview.regies.length === 0 ? (
        <p>
          Aucune régie n&apos;est encore paramétrée : commencez par{" "}
          <Link href={routes.agent.billingSettings(slug)}>les paramètres de facturation</Link>.
        </p>
      ) : (
        <DataTable
          caption="Dernière facturation par régie"
          rows={overview.regies}
          columns={[
            { header: "Régie", rowHeader: true, cell: (r) => `${r.name} (${r.code})` },
            { header: "Mois facturé", cell: (r) => (r.lastRun ? monthLabel(r.lastRun.period) : "Aucune facturation") },
            { header: "Code émission", cell: (r) => r.lastRun?.emissionCode ?? "–" },
            { header: "Émise le", cell: (r) => (r.lastRun ? formatDate(r.lastRun.issuedOn) : "–") },
            { header: "Factures", cell: (r) => (r.lastRun ? r.lastRun.invoiceCount : "–") },
            { header: "Montant", cell: (r) => (r.lastRun ? formatEuros(r.lastRun.totalCents) : "–") },
          ]}
        />
      )}
      <h2>Pages de la facturation</h2>
      <ul className="tiles">
        {billingPages(slug).map((page) => (
          <li key={page.href}>
            <Link className="tile" href={page.href}>
              <span className="tile__title">{page.title}</span>
              <span className="tile__text">{page.text}</span>
            </Link>
          </li>
        ))}
      </ul>
    </>
  );
}

import type { Metadata } from "next";
import styles from "@/components/agent/billing/run.module.css";
import { RunIssueForm } from "@/components/agent/billing/run-issue-form";
import { PastRunsTable, RunAnomaliesList, RunFacts, RunHouseholdsTable } from "@/components/agent/billing/run-preview";
import { Breadcrumbs } from "@/components/shell/breadcrumbs";
import { Link } from "@/components/ui/link";
import { requireUser, staffRoles } from "@/lib/auth/session";
import {
  capitalizedMonthLabel,
  monthLabel,
  monthValue,
  parseMonthValue,
  previousMonth,
  recentMonths,
} from "@/lib/billing/periods";
import { previewRun } from "@/lib/billing/run/preview";
import { listRunRegies, listRuns } from "@/lib/billing/run/runs";
import { runPageParams } from "@/lib/billing/run/schemas";
import { todayInParis } from "@/lib/clock";
import { getDb } from "@/lib/db";
import { formatDate, formatEuros } from "@/lib/format";
import { breadcrumbs } from "@/lib/routes/breadcrumbs";
import { routes } from "@/lib/routes/paths";
import { issueRunAction } from "./actions";

type Props = {
  params: Promise<{ commune: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export const metadata: Metadata = { title: "Émission des factures" };

/** Households per page of the preview's table. */
const PAGE_SIZE = 50;
/** Months offered, the current one first. */
const MONTHS_OFFERED = 24;

const plural = (count: number, one: string, many: string) => `${count} ${count > 1 ? many : one}`;

/** A régie's monthly run: choose the month, check the preview and its anomalies, issue the invoices once. */
export default async function BillingRunPage({ params, searchParams }: Props) {
  const { commune: slug } = await params;
  const { commune } = await requireUser(slug, { roles: staffRoles, returnTo: routes.agent.billingRunEmission(slug) });
  const query = runPageParams.parse(await searchParams);
  const db = await getDb();
  const today = todayInParis();
  const [regieChoices, pastRuns] = await Promise.all([
    listRunRegies(db, { communeId: commune.id }),
    listRuns(db, { communeId: commune.id }),
  ]);
  const regie = regieChoices.find((r) => r.id === query.regie) ?? regieChoices[0];
  const period = (query.mois && parseMonthValue(query.mois)) || previousMonth(today);
  const months = recentMonths(today, MONTHS_OFFERED);
  if (!months.includes(period)) months.push(period);
  const preview = regie ? await previewRun(db, { communeId: commune.id, regieId: regie.id, period, today }) : null;

  const pageCount = Math.max(1, Math.ceil((preview?.households.length ?? 0) / PAGE_SIZE));
  const page = Math.min(query.page, pageCount);
  const shown = preview?.households.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE) ?? [];
  const pageLink = (n: number) =>
    routes.agent.billingRunEmission(slug, { regie: regie?.id, mois: monthValue(period), page: n });

  return (
    <>
      <Breadcrumbs items={breadcrumbs.agentBilling(slug, "Émission des factures")} />
      <h1>Émission des factures</h1>
      <p>
        Chaque mois, une régie émet une facture par famille pour les jours réservés de ses activités, selon le quotient
        familial. Vérifiez l&apos;aperçu, puis émettez les factures : les familles les trouvent dans leur Espace
        Facturation et reçoivent un e-mail.
      </p>

      {regieChoices.length === 0 ? (
        <p className="notice">
          Aucune régie n&apos;est paramétrée. Créez une régie, ses natures de facture et les tarifs des activités dans{" "}
          <Link href={routes.agent.billing(slug)}>Facturation</Link>.
        </p>
      ) : (
        // biome-ignore lint/a11y/useSemanticElements: a form with role="search" is the search landmark every screen reader knows (see SearchForm).
        <form className={`form ${styles.choice}`} method="get" role="search" aria-label="Choisir la régie et le mois">
          <div className="field">
            <label htmlFor="emission-regie">Régie</label>
            <select id="emission-regie" name="regie" defaultValue={regie?.id}>
              {regieChoices.map((r) => (
                <option key={r.id} value={r.id}>
                  {r.name} ({r.code})
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="emission-mois">Mois facturé</label>
            <select id="emission-mois" name="mois" defaultValue={monthValue(period)}>
              {months.map((month) => (
                <option key={month} value={monthValue(month)}>
                  {capitalizedMonthLabel(month)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <button type="submit" className="button button--secondary">
              Afficher l&apos;aperçu
            </button>
          </div>
        </form>
      )}

      {preview ? (
        <section aria-labelledby="apercu">
          <h2 id="apercu">
            {preview.regie.name} – {capitalizedMonthLabel(period)}
          </h2>
          {preview.issuedRun ? (
            <p className="notice notice--success" role="status">
              Les factures de {monthLabel(period)} ont été émises le {formatDate(preview.issuedRun.issuedOn)} :{" "}
              {plural(preview.issuedRun.invoiceCount, "facture", "factures")} pour un total de{" "}
              {formatEuros(preview.issuedRun.totalCents)} (code émission {preview.issuedRun.emissionCode}, échéance le{" "}
              {formatDate(preview.issuedRun.dueOn)}).
            </p>
          ) : (
            <>
              <RunFacts
                facts={[
                  ["Factures à émettre", preview.invoiceCount],
                  ["Total", formatEuros(preview.totalCents)],
                  [
                    "Code émission",
                    <span key="code" className="code">
                      {preview.emissionCode}
                    </span>,
                  ],
                  ["Date d'émission", formatDate(preview.issuedOn)],
                  ["Échéance", formatDate(preview.dueOn)],
                ]}
              />
              <h3>Points à vérifier</h3>
              <RunAnomaliesList slug={slug} anomalies={preview.anomalies} />
              {preview.invoiceCount > 0 ? (
                <RunIssueForm
                  action={issueRunAction.bind(null, slug)}
                  regieId={preview.regie.id}
                  month={monthValue(period)}
                  summary={`${plural(preview.invoiceCount, "facture sera émise", "factures seront émises")} pour un total de ${formatEuros(preview.totalCents)}. Une facture émise n'est plus modifiée : une erreur se corrige par un avoir ou une régularisation le mois suivant.`}
                />
              ) : (
                <p>Aucune facture à émettre pour {monthLabel(period)}.</p>
              )}
            </>
          )}

          {preview.issuedRun ? null : preview.households.length === 0 ? null : (
            <>
              <RunHouseholdsTable
                slug={slug}
                households={shown}
                caption={`Familles facturées (${preview.households.length})${pageCount > 1 ? ` – page ${page} sur ${pageCount}` : ""}`}
              />
              {pageCount > 1 ? (
                <nav aria-label="Pagination des familles" className="button-row">
                  {page > 1 ? <Link href={pageLink(page - 1)}>Page précédente</Link> : null}
                  {page < pageCount ? <Link href={pageLink(page + 1)}>Page suivante</Link> : null}
                </nav>
              ) : null}
            </>
          )}
        </section>
      ) : null}

      <section aria-labelledby="emissions-precedentes">
        <h2 id="emissions-precedentes">Émissions précédentes</h2>
        {pastRuns.length === 0 ? <p>Aucune facture n&apos;a encore été émise.</p> : <PastRunsTable runs={pastRuns} />}
      </section>
    </>
  );
}

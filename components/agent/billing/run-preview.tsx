import type { ReactNode } from "react";
import { DataTable } from "@/components/ui/data-table";
import { Link } from "@/components/ui/link";
import { capitalizedMonthLabel } from "@/lib/billing/periods";
import type { HouseholdBill, RunAnomalies } from "@/lib/billing/run/compute";
import type { PastRun } from "@/lib/billing/run/runs";
import { formatDate, formatEuros } from "@/lib/format";
import { routes } from "@/lib/routes/paths";
import styles from "./run.module.css";

const plural = (count: number, one: string, many: string) => `${count} ${count > 1 ? many : one}`;

/** The facts of a run: label → value, in a description list. */
export function RunFacts({ facts }: { facts: [string, ReactNode][] }) {
  return (
    <dl className="facts">
      {facts.map(([label, value]) => (
        <div key={label}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

/** What to look at before issuing: households without a payer or a QF, days without a tariff, activities in no régie. */
export function RunAnomaliesList({ slug, anomalies }: { slug: string; anomalies: RunAnomalies }) {
  const families = (list: RunAnomalies["missingPayer"]) =>
    list.map((h, i) => (
      <span key={h.householdId}>
        {i > 0 ? ", " : null}
        <Link href={routes.agent.household(slug, h.householdId)}>{h.householdName}</Link>
      </span>
    ));
  const items: { key: string; text: ReactNode }[] = [
    ...(anomalies.missingPayer.length
      ? [
          {
            key: "payer",
            text: (
              <>
                {plural(anomalies.missingPayer.length, "famille n'a", "familles n'ont")} pas de responsable payeur (la
                facture est émise sans nom ni e-mail) : {families(anomalies.missingPayer)}.
              </>
            ),
          },
        ]
      : []),
    ...(anomalies.missingQuotient.length
      ? [
          {
            key: "qf",
            text: (
              <>
                {plural(anomalies.missingQuotient.length, "famille n'a", "familles n'ont")} pas de quotient familial et{" "}
                {anomalies.missingQuotient.length > 1 ? "sont facturées" : "est facturée"} au tarif par défaut :{" "}
                {families(anomalies.missingQuotient)}.
              </>
            ),
          },
        ]
      : []),
    ...anomalies.missingTariff.map((missing) => ({
      key: `tariff-${missing.activityId}`,
      text: (
        <>
          {missing.activityLabel} n&apos;a pas de tarif en vigueur :{" "}
          {plural(missing.days, "jour facturable", "jours facturables")} (
          {plural(missing.households, "famille", "familles")}){" "}
          {missing.days > 1 ? "ne sont pas facturés" : "n'est pas facturé"}.
        </>
      ),
    })),
    ...(anomalies.activitiesWithoutNature.length
      ? [
          {
            key: "nature",
            text: (
              <>
                {anomalies.activitiesWithoutNature.length > 1
                  ? "Ces activités n'ont pas de nature de facture et ne sont facturées par aucune régie : "
                  : "Cette activité n'a pas de nature de facture et n'est facturée par aucune régie : "}
                {anomalies.activitiesWithoutNature.map((a) => a.activityLabel).join(", ")}.
              </>
            ),
          },
        ]
      : []),
  ];
  return items.length === 0 ? (
    <p>Aucune anomalie.</p>
  ) : (
    <ul>
      {items.map((item) => (
        <li key={item.key}>{item.text}</li>
      ))}
    </ul>
  );
}

/** One page of the households of the preview, each with its total and, on demand, its lines. */
export function RunHouseholdsTable({
  slug,
  households,
  caption,
}: {
  slug: string;
  households: HouseholdBill[];
  caption: string;
}) {
  return (
    <DataTable
      caption={caption}
      rowKey={(h) => h.householdId}
      rows={households}
      columns={[
        {
          header: "Famille",
          rowHeader: true,
          cell: (h) => <Link href={routes.agent.household(slug, h.householdId)}>{h.householdName}</Link>,
        },
        { header: "Payeur", cell: (h) => h.payer?.name ?? <span className="badge badge--danger">Aucun</span> },
        { header: "QF", cell: (h) => h.familyQuotient ?? "Non renseigné" },
        {
          header: "Lignes",
          cell: (h) => (
            <details>
              <summary>
                {plural(h.lines.length, "ligne", "lignes")}
                <span className="visually-hidden"> de la famille {h.householdName}</span>
              </summary>
              <ul className={styles.lines}>
                {h.lines.map((line, index) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: a household's lines are fixed for this page.
                  <li key={index}>
                    {line.childName} – {line.activityLabel} – {capitalizedMonthLabel(line.month)} : {line.quantity} ×{" "}
                    {formatEuros(line.unitCents)} = {formatEuros(line.amountCents)}
                    {line.note ? <span className={styles.note}> ({line.note})</span> : null}
                  </li>
                ))}
              </ul>
            </details>
          ),
        },
        {
          header: "Total",
          className: styles.amount,
          cell: (h) => formatEuros(h.totalCents),
        },
        {
          header: "Facture",
          cell: (h) =>
            h.invoiced ? (
              h.directDebit ? (
                "Oui, prélèvement"
              ) : (
                "Oui"
              )
            ) : (
              <span className="badge">Non : total nul ou négatif, reporté au mois suivant</span>
            ),
        },
      ]}
    />
  );
}

/** The régies' issued months, the latest first. */
export function PastRunsTable({ runs }: { runs: PastRun[] }) {
  return (
    <DataTable
      caption="Émissions précédentes"
      hiddenCaption
      rows={runs}
      columns={[
        { header: "Mois", rowHeader: true, cell: (run) => capitalizedMonthLabel(run.period) },
        { header: "Régie", cell: (run) => run.regieName },
        { header: "Code émission", cell: (run) => <span className="code">{run.emissionCode}</span> },
        { header: "Émises le", cell: (run) => formatDate(run.issuedOn) },
        { header: "Échéance", cell: (run) => formatDate(run.dueOn) },
        { header: "Factures", className: styles.amount, cell: (run) => run.invoiceCount },
        { header: "Total", className: styles.amount, cell: (run) => formatEuros(run.totalCents) },
      ]}
    />
  );
}

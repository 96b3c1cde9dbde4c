import type { Metadata } from "next";
import { Breadcrumbs } from "@/components/shell/breadcrumbs";
import { DataTable } from "@/components/ui/data-table";
import { requireUser, staffRoles } from "@/lib/auth/session";
import { listRuns } from "@/lib/billing/exports";
import { monthLabel } from "@/lib/billing/periods";
import { getDb } from "@/lib/db";
import { formatDate, formatEuros } from "@/lib/format";
import { breadcrumbs } from "@/lib/routes/breadcrumbs";
import { routes } from "@/lib/routes/paths";

type Props = { params: Promise<{ commune: string }> };

export const metadata: Metadata = { title: "Exports de facturation" };

/** Each run, with its CSV for the accounting software and its direct-debit batch. */
export default async function BillingExportsPage({ params }: Props) {
  const { commune: slug } = await params;
  const { commune } = await requireUser(slug, { roles: staffRoles, returnTo: routes.agent.billingExports(slug) });
  const runs = await listRuns(await getDb(), { communeId: commune.id });
  return (
    <>
      <Breadcrumbs items={breadcrumbs.billingExports(slug)} />
      <h1>Exports de facturation</h1>
      <p>
        Fichiers CSV (séparateur point-virgule, UTF-8, virgule décimale) à importer dans le logiciel comptable. Le
        fichier des prélèvements contient les IBAN complets des familles : chaque téléchargement est inscrit au journal
        des actions.
      </p>
      {runs.length === 0 ? (
        <p>Aucune facturation n&apos;a encore été émise.</p>
      ) : (
        <DataTable
          caption="Facturations émises"
          hiddenCaption
          rows={runs}
          columns={[
            { header: "Mois facturé", rowHeader: true, cell: (r) => monthLabel(r.period) },
            { header: "Régie", cell: (r) => r.regieName },
            { header: "Code émission", cell: (r) => r.emissionCode },
            { header: "Émise le", cell: (r) => formatDate(r.issuedOn) },
            { header: "Factures", cell: (r) => r.invoiceCount },
            { header: "Montant", cell: (r) => formatEuros(r.totalCents) },
            {
              header: "Écritures comptables",
              cell: (r) => (
                <a
                  href={routes.agent.runAccountingCsv(slug, r.id)}
                  download
                  aria-label={`Télécharger les écritures ${r.emissionCode} (CSV)`}
                >
                  Télécharger (CSV)
                </a>
              ),
            },
            {
              header: "Prélèvements",
              cell: (r) =>
                r.directDebitCount === 0 ? (
                  "Aucun"
                ) : (
                  <a
                    href={routes.agent.runDirectDebitCsv(slug, r.id)}
                    download
                    aria-label={`Télécharger les ${r.directDebitCount} prélèvements ${r.emissionCode} (CSV)`}
                  >
                    {r.directDebitCount} prélèvement{r.directDebitCount > 1 ? "s" : ""} (CSV)
                  </a>
                ),
            },
          ]}
        />
      )}
    </>
  );
}

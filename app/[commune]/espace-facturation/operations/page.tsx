import type { Metadata } from "next";
import styles from "@/components/billing/billing.module.css";
import { DataTable } from "@/components/ui/data-table";
import { Link } from "@/components/ui/link";
import { requireUser } from "@/lib/auth/session";
import { listFamilyOperations } from "@/lib/billing/family/operations";
import { getDb } from "@/lib/db";
import { formatDate, formatEuros } from "@/lib/format";
import { breadcrumbs } from "@/lib/routes/breadcrumbs";
import { routes } from "@/lib/routes/paths";
import { chooseSubscribedHousehold } from "@/lib/subscriptions/households";
import { BillingPage } from "../_billing/billing-page";
import { operationsQuerySchema } from "../_billing/query";

type Props = {
  params: Promise<{ commune: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export const metadata: Metadata = { title: "Mes opérations – Espace facturation" };

const kindLabels = { invoice: "Facture", payment: "Règlement", credit_note: "Avoir" } as const;

/** Mes opérations: invoices (débit), règlements and avoirs (crédit), with the balance after each. */
export default async function OperationsPage({ params, searchParams }: Props) {
  const { commune: slug } = await params;
  const { commune, user } = await requireUser(slug, { returnTo: routes.billingOperations(slug) });
  const query = operationsQuerySchema.parse(await searchParams);
  const db = await getDb();
  const households = await chooseSubscribedHousehold(db, {
    communeId: commune.id,
    userId: user.id,
    requested: query.famille,
  });
  const frame = {
    crumbs: breadcrumbs.billing(slug, "Mes opérations"),
    title: "Mes opérations",
    commune,
    user,
    households,
    section: "operations" as const,
    hrefFor: (famille: string) => routes.billingOperations(slug, { famille, ordre: query.ordre }),
  };
  if (!households) return <BillingPage {...frame} />;
  const lines = await listFamilyOperations(db, {
    communeId: commune.id,
    userId: user.id,
    householdId: households.current.id,
    order: query.ordre,
  });
  const famille = households.all.length > 1 ? households.current.id : undefined;
  const latest = query.ordre === "desc" ? lines[0] : lines.at(-1);
  return (
    <BillingPage {...frame}>
      <p>
        Toutes vos opérations : les factures (au débit), vos règlements et les avoirs (au crédit). Le solde indique ce
        qui reste dû après chaque opération.
      </p>
      <p>
        Solde actuel : <strong>{formatEuros(latest?.balanceCents ?? 0)}</strong>
      </p>
      <p>
        {query.ordre === "desc" ? (
          <Link href={routes.billingOperations(slug, { famille, ordre: "asc" })}>
            Afficher de la plus ancienne à la plus récente
          </Link>
        ) : (
          <Link href={routes.billingOperations(slug, { famille, ordre: "desc" })}>
            Afficher de la plus récente à la plus ancienne
          </Link>
        )}
      </p>
      {lines.length === 0 ? (
        <p>Aucune opération pour le moment.</p>
      ) : (
        <DataTable
          caption={`Mes opérations, ${query.ordre === "desc" ? "de la plus récente à la plus ancienne" : "de la plus ancienne à la plus récente"}`}
          hiddenCaption
          label="Mes opérations"
          rowKey={(line) => `${line.kind}-${line.id}`}
          rows={lines}
          columns={[
            { header: "Date", cell: (line) => formatDate(line.day) },
            { header: "Type", cell: (line) => kindLabels[line.kind] },
            {
              header: "Opération",
              rowHeader: true,
              cell: (line) =>
                line.invoiceId ? (
                  <Link href={routes.billingInvoice(slug, line.invoiceId)}>{line.label}</Link>
                ) : (
                  line.label
                ),
            },
            {
              header: "Débit",
              className: styles.amount,
              cell: (line) => (line.debitCents ? formatEuros(line.debitCents) : ""),
            },
            {
              header: "Crédit",
              className: styles.amount,
              cell: (line) => (line.creditCents ? formatEuros(line.creditCents) : ""),
            },
            { header: "Solde", className: styles.amount, cell: (line) => formatEuros(line.balanceCents) },
          ]}
        />
      )}
    </BillingPage>
  );
}

import type { Metadata } from "next";
import { Fragment } from "react";
import styles from "@/components/billing/billing.module.css";
import { DataTable } from "@/components/ui/data-table";
import { Link } from "@/components/ui/link";
import { requireUser } from "@/lib/auth/session";
import { listFamilyPayments } from "@/lib/billing/family/operations";
import { getDb } from "@/lib/db";
import { formatDate, formatEuros } from "@/lib/format";
import { breadcrumbs } from "@/lib/routes/breadcrumbs";
import { routes } from "@/lib/routes/paths";
import { chooseSubscribedHousehold } from "@/lib/subscriptions/households";
import { BillingPage } from "../_billing/billing-page";
import { householdQuerySchema } from "../_billing/query";

type Props = {
  params: Promise<{ commune: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export const metadata: Metadata = { title: "Mes règlements – Espace facturation" };

/**
 * Mes règlements: every payment with its type, N° opération, date, amount and the invoices it settled. A cancelled
 * payment (a rejected cheque) stays listed as "Annulé" with the town's reason: the family saw it counted once, and
 * must be able to tell why an invoice it thought paid is due again.
 */
export default async function PaymentsPage({ params, searchParams }: Props) {
  const { commune: slug } = await params;
  const { commune, user } = await requireUser(slug, { returnTo: routes.billingPayments(slug) });
  const query = householdQuerySchema.parse(await searchParams);
  const db = await getDb();
  const households = await chooseSubscribedHousehold(db, {
    communeId: commune.id,
    userId: user.id,
    requested: query.famille,
  });
  const frame = {
    crumbs: breadcrumbs.billing(slug, "Mes règlements"),
    title: "Mes règlements",
    commune,
    user,
    households,
    section: "reglements" as const,
    hrefFor: (famille: string) => routes.billingPayments(slug, famille),
  };
  if (!households) return <BillingPage {...frame} />;
  const payments = await listFamilyPayments(db, {
    communeId: commune.id,
    userId: user.id,
    householdId: households.current.id,
  });
  return (
    <BillingPage {...frame}>
      {payments.length === 0 ? (
        <p>Aucun règlement n&apos;a encore été reçu.</p>
      ) : (
        <DataTable
          caption="Mes règlements, du plus récent au plus ancien"
          hiddenCaption
          label="Mes règlements"
          rows={payments}
          columns={[
            { header: "Date", cell: (p) => formatDate(p.receivedOn) },
            { header: "N° Opération", rowHeader: true, cell: (p) => p.operationNumber },
            {
              header: "Type de règlement",
              cell: (p) => (
                <>
                  {p.typeLabel}
                  <span className={styles.hint}>{p.description}</span>
                </>
              ),
            },
            {
              header: "Factures réglées",
              cell: (p) =>
                p.invoices.map((invoice, index) => (
                  <Fragment key={invoice.id}>
                    {index > 0 ? ", " : null}
                    <Link href={routes.billingInvoice(slug, invoice.id)}>{invoice.reference}</Link>
                    {p.invoices.length > 1 ? ` (${formatEuros(invoice.amountCents)})` : null}
                  </Fragment>
                )),
            },
            {
              header: "Montant",
              className: styles.amount,
              cell: (p) => (
                <span className={p.cancelled ? styles.cancelled : undefined}>{formatEuros(p.amountCents)}</span>
              ),
            },
            {
              header: "État",
              cell: (p) =>
                p.cancelled ? (
                  <>
                    <span className="badge badge--danger">Annulé</span>
                    <span className={styles.hint}>
                      Le {formatDate(p.cancelled.on)} : {p.cancelled.reason}
                    </span>
                  </>
                ) : (
                  <span className="badge badge--success">Pris en compte</span>
                ),
            },
          ]}
        />
      )}
    </BillingPage>
  );
}

import type { Metadata } from "next";
import { Breadcrumbs } from "@/components/shell/breadcrumbs";
import { InvoiceTable } from "@/components/subscriptions/invoice-table";
import { NoSubscriptionNotice } from "@/components/subscriptions/no-subscription-notice";
import { requireUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { listInvoicesOfSubscribedHouseholds } from "@/lib/households/invoices";
import { breadcrumbs } from "@/lib/routes/breadcrumbs";
import { routes } from "@/lib/routes/paths";
import { listSubscriptions } from "@/lib/subscriptions/subscribe";

type Props = { params: Promise<{ commune: string }> };

export const metadata: Metadata = { title: "Espace facturation" };

/** The invoices of the subscribed households ("Historique des factures"). */
export default async function BillingSpacePage({ params }: Props) {
  const { commune: slug } = await params;
  const { commune, user } = await requireUser(slug, { returnTo: routes.billing(slug) });
  const db = await getDb();
  const scope = { communeId: commune.id, userId: user.id };
  const [subscriptions, invoices] = await Promise.all([
    listSubscriptions(db, scope),
    listInvoicesOfSubscribedHouseholds(db, scope),
  ]);
  return (
    <>
      <Breadcrumbs items={breadcrumbs.home(slug, "Espace facturation")} />
      <h1>Espace facturation</h1>
      {subscriptions.length === 0 ? (
        <NoSubscriptionNotice commune={commune} canSubscribe={user.role === "family"} />
      ) : (
        <InvoiceTable invoices={invoices} showHousehold={subscriptions.length > 1} />
      )}
    </>
  );
}

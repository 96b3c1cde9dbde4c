import type { Metadata } from "next";
import { Breadcrumbs } from "@/components/shell/breadcrumbs";
import { DataTable } from "@/components/ui/data-table";
import { Link } from "@/components/ui/link";
import { requireUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { formatDate } from "@/lib/format";
import { breadcrumbs } from "@/lib/routes/breadcrumbs";
import { routes } from "@/lib/routes/paths";
import { listSubscriptions } from "@/lib/subscriptions/subscribe";

type Props = {
  params: Promise<{ commune: string }>;
  searchParams: Promise<{ abonnement?: string | string[]; deja?: string | string[] }>;
};

export const metadata: Metadata = { title: "Mes abonnements" };

/** The households linked to the account; after M'abonner, a notice names the one just linked. */
export default async function SubscriptionsPage({ params, searchParams }: Props) {
  const { commune: slug } = await params;
  const { commune, user } = await requireUser(slug, { returnTo: routes.citizen.subscriptions(slug) });
  const subscriptions = await listSubscriptions(await getDb(), { communeId: commune.id, userId: user.id });
  const query = await searchParams;
  // The notice only names a household the account really is subscribed to: the query string proves nothing.
  const justLinked = subscriptions.find((s) => s.householdId === query.abonnement);

  return (
    <>
      <Breadcrumbs items={breadcrumbs.subscriptions(slug)} />
      <h1>Mes abonnements</h1>
      {justLinked ? (
        <p className="notice notice--success" role="status">
          {query.deja === "1"
            ? `Vous êtes déjà abonné au dossier famille ${justLinked.name}.`
            : `Votre abonnement au dossier famille ${justLinked.name} est actif.`}
        </p>
      ) : null}
      {subscriptions.length === 0 ? (
        <p>Votre compte n&apos;est abonné à aucun dossier famille pour le moment.</p>
      ) : (
        <DataTable
          label="Mes abonnements"
          caption="Dossiers famille auxquels votre compte est abonné"
          hiddenCaption
          rows={subscriptions}
          rowKey={(subscription) => subscription.householdId}
          columns={[
            { header: "Dossier famille", cell: (subscription) => `Famille ${subscription.name}` },
            { header: "Abonné depuis le", cell: (subscription) => formatDate(subscription.since) },
          ]}
        />
      )}
      {user.role === "family" ? (
        <p className="button-row">
          <Link className="button" href={routes.citizen.subscribe(slug)}>
            M&apos;abonner
          </Link>
        </p>
      ) : null}
    </>
  );
}

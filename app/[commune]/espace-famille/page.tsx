import type { Metadata } from "next";
import { Breadcrumbs } from "@/components/shell/breadcrumbs";
import { HouseholdSummaryCard } from "@/components/subscriptions/household-summary";
import { NoSubscriptionNotice } from "@/components/subscriptions/no-subscription-notice";
import { requireUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { listSubscribedHouseholdSummaries } from "@/lib/households/family-summary";

type Props = { params: Promise<{ commune: string }> };

export const metadata: Metadata = { title: "Espace famille" };

/** The subscribed households at a glance; the detailed family file, planning and requests come later. */
export default async function FamilySpacePage({ params }: Props) {
  const { commune: slug } = await params;
  const { commune, user } = await requireUser(slug, { returnTo: `/${slug}/espace-famille` });
  const householdSummaries = await listSubscribedHouseholdSummaries(await getDb(), { communeId: commune.id, userId: user.id });
  return (
    <>
      <Breadcrumbs items={[{ label: "Accueil", href: `/${slug}` }, { label: "Espace famille" }]} />
      <h1>Espace famille</h1>
      {householdSummaries.length === 0 ? (
        <NoSubscriptionNotice commune={commune} canSubscribe={user.role === "family"} />
      ) : (
        <>
          <p>
            Voici les informations de votre dossier famille connues de la commune. La consultation détaillée du dossier, le
            planning des activités et le suivi de vos demandes seront bientôt disponibles ici.
          </p>
          {householdSummaries.map((household) => (
            <HouseholdSummaryCard key={household.id} household={household} />
          ))}
        </>
      )}
    </>
  );
}

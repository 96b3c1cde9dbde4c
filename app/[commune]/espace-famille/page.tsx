import type { Metadata } from "next";
import { Breadcrumbs } from "@/components/shell/breadcrumbs";
import { HouseholdSummaryCard } from "@/components/subscriptions/household-summary";
import { NoSubscriptionNotice } from "@/components/subscriptions/no-subscription-notice";
import { Link } from "@/components/ui/link";
import { requireUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { listSubscribedHouseholdSummaries } from "@/lib/households/family-summary";
import { breadcrumbs } from "@/lib/routes/breadcrumbs";
import { routes } from "@/lib/routes/paths";

type Props = { params: Promise<{ commune: string }> };

export const metadata: Metadata = { title: "Espace famille" };

/** The subscribed households at a glance; the detailed family file, planning and requests come later. */
export default async function FamilySpacePage({ params }: Props) {
  const { commune: slug } = await params;
  const { commune, user } = await requireUser(slug, { returnTo: routes.family.space(slug) });
  const householdSummaries = await listSubscribedHouseholdSummaries(await getDb(), {
    communeId: commune.id,
    userId: user.id,
  });
  return (
    <>
      <Breadcrumbs items={breadcrumbs.familySpace(slug)} />
      <h1>Espace famille</h1>
      {householdSummaries.length === 0 ? (
        <NoSubscriptionNotice commune={commune} canSubscribe={user.role === "family"} />
      ) : (
        <>
          <p>
            Consultez et modifiez votre dossier famille ; chaque modification est transmise à la commune, qui la valide.
            Suivez vos demandes et les réponses de la commune dans Mes demandes.
          </p>
          <ul className="tiles">
            <li>
              <Link className="tile" href={routes.family.file(slug)}>
                <span className="tile__title">Dossier famille</span>
                <span className="tile__text">Consulter et modifier les responsables et les enfants.</span>
              </Link>
            </li>
            <li>
              <Link className="tile" href={routes.family.planning(slug)}>
                <span className="tile__title">Planning des activités</span>
                <span className="tile__text">Réserver les activités de vos enfants, déclarer une absence.</span>
              </Link>
            </li>
            <li>
              <Link className="tile" href={routes.family.documents(slug)}>
                <span className="tile__title">Pièces justificatives</span>
                <span className="tile__text">
                  Ajouter, remplacer ou consulter les documents demandés par la commune.
                </span>
              </Link>
            </li>
            <li>
              <Link className="tile" href={routes.family.nursery(slug)}>
                <span className="tile__title">Pré-inscription en crèche</span>
                <span className="tile__text">Demander une place en crèche pour votre enfant, né ou à naître.</span>
              </Link>
            </li>
            <li>
              <Link className="tile" href={routes.citizen.requests(slug)}>
                <span className="tile__title">Mes demandes</span>
                <span className="tile__text">Suivre vos demandes et les réponses de la collectivité.</span>
              </Link>
            </li>
          </ul>
          {householdSummaries.map((household) => (
            <HouseholdSummaryCard key={household.id} household={household} />
          ))}
        </>
      )}
    </>
  );
}

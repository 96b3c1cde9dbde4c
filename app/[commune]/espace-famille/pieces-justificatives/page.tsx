import type { Metadata } from "next";
import { DocumentSection } from "@/components/documents/document-lines";
import { groupDocumentLines } from "@/components/documents/group-lines";
import { Breadcrumbs } from "@/components/shell/breadcrumbs";
import { NoSubscriptionNotice } from "@/components/subscriptions/no-subscription-notice";
import { requireUser } from "@/lib/auth/session";
import { todayInParis } from "@/lib/clock";
import { getDb } from "@/lib/db";
import { DOCUMENT_SENT } from "@/lib/documents/family-messages";
import { listHouseholdDocuments } from "@/lib/documents/household-documents";
import { missingDocumentsLabel } from "@/lib/documents/labels";
import { breadcrumbs } from "@/lib/routes/breadcrumbs";
import { routes } from "@/lib/routes/paths";
import { chooseSubscribedHousehold } from "@/lib/subscriptions/households";

type Props = {
  params: Promise<{ commune: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export const metadata: Metadata = { title: "Pièces justificatives" };

/**
 * Espace famille › Pièces justificatives (guides 000, 001: "ajouter, modifier ou visualiser les documents
 * nécessaires et demandés par le service enfance"): what the town asks of the household and of each child, and
 * the documents handed in with a request, each with its state.
 */
export default async function FamilyDocumentsPage({ params, searchParams }: Props) {
  const { commune: slug } = await params;
  const query = await searchParams;
  const { commune, user } = await requireUser(slug, { returnTo: routes.family.documents(slug) });
  const db = await getDb();
  const households = await chooseSubscribedHousehold(db, {
    communeId: commune.id,
    userId: user.id,
    requested: query.famille,
  });
  const heading = (
    <>
      <Breadcrumbs items={breadcrumbs.familyDocuments(slug)} />
      <h1>Pièces justificatives</h1>
    </>
  );
  if (!households) {
    return (
      <>
        {heading}
        <NoSubscriptionNotice commune={commune} canSubscribe={user.role === "family"} />
      </>
    );
  }
  const household = households.current;
  const several = households.all.length > 1;
  const lines = await listHouseholdDocuments(db, {
    communeId: commune.id,
    householdId: household.id,
    today: todayInParis(),
  });
  const toProvide = lines.filter((line) => line.toProvide).length;
  const groups = groupDocumentLines(lines);
  const shared = { slug, householdId: several ? household.id : undefined };
  return (
    <>
      {heading}
      {query.envoye === "1" ? (
        <p className="notice notice--success" role="status">
          {DOCUMENT_SENT}
        </p>
      ) : null}
      {several ? <p>Famille {household.name}</p> : null}
      <p>
        Ajoutez, remplacez ou consultez ici les documents demandés par le service enfance : PDF, JPEG ou PNG, 10 Mo
        maximum. Une photo prise avec votre téléphone convient ; un document de plusieurs pages peut être envoyé en
        plusieurs fichiers. La collectivité vérifie chaque document.
      </p>
      {toProvide > 0 ? (
        <p className="notice">
          <strong>{missingDocumentsLabel(toProvide)}</strong> : les pièces marquées « À fournir », « Refusée » ou «
          Expirée » ci-dessous.
        </p>
      ) : null}
      <DocumentSection id="pieces-foyer" title="Le foyer" lines={groups.household} {...shared} />
      {groups.children.map(({ child, lines: childLines }) => (
        <DocumentSection
          key={child.id}
          id={`pieces-enfant-${child.id}`}
          title={`${child.firstName} ${child.lastName}`}
          lines={childLines}
          {...shared}
        />
      ))}
      {groups.withRequests.length > 0 ? (
        <DocumentSection
          id="pieces-demandes"
          title="Avec vos demandes"
          intro="Les documents joints à vos demandes (RIB d'un changement de coordonnées bancaires, certificat médical d'une absence) : pour en envoyer un nouveau, refaites la demande."
          lines={groups.withRequests}
          withRequest
          {...shared}
        />
      ) : null}
    </>
  );
}

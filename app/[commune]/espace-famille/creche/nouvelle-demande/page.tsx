import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { z } from "zod";
import { DocumentSection } from "@/components/documents/document-lines";
import { NurseryApplicationForm } from "@/components/nursery/application-form";
import { Breadcrumbs } from "@/components/shell/breadcrumbs";
import { NoSubscriptionNotice } from "@/components/subscriptions/no-subscription-notice";
import { Link } from "@/components/ui/link";
import { requireUser } from "@/lib/auth/session";
import { todayInParis } from "@/lib/clock";
import { getDb } from "@/lib/db";
import { listHouseholdDocuments } from "@/lib/documents/household-documents";
import { findChangeableApplication, hasCertificate, loadNurseryFormContext } from "@/lib/nursery/apply";
import { nurseryFormDefaults, startBounds } from "@/lib/nursery/schemas";
import { breadcrumbs } from "@/lib/routes/breadcrumbs";
import { routes } from "@/lib/routes/paths";
import { chooseSubscribedHousehold } from "@/lib/subscriptions/households";
import { changeNurseryApplication, sendNurseryApplication } from "../actions";

type Props = {
  params: Promise<{ commune: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export const metadata: Metadata = { title: "Demande de pré-inscription en crèche" };

/** The household documents the town asks with an application (the attestation CAF or the avis d'imposition). */
const ASKED_DOCUMENTS = ["justificatif_domicile", "attestation_caf"];

/**
 * The application form (?famille=), or the same form prefilled to change an application still waiting for the
 * commission (?demande=, 404 otherwise).
 */
export default async function NewNurseryApplicationPage({ params, searchParams }: Props) {
  const { commune: slug } = await params;
  const query = await searchParams;
  const requested = typeof query.demande === "string" ? query.demande : undefined;
  const { commune, user } = await requireUser(slug, {
    returnTo: routes.family.newNurseryApplication(slug, { demande: requested }),
  });
  const db = await getDb();
  const households = await chooseSubscribedHousehold(db, {
    communeId: commune.id,
    userId: user.id,
    requested: query.famille,
  });
  const title = requested ? "Modifier ma demande de place en crèche" : "Demande de pré-inscription en crèche";
  const heading = (
    <>
      <Breadcrumbs items={breadcrumbs.familyNursery(slug, requested ? "Modifier ma demande" : "Nouvelle demande")} />
      <h1>{title}</h1>
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
  const scope = { communeId: commune.id, householdId: household.id };
  const today = todayInParis();
  let stored = null;
  if (requested) {
    if (!z.uuid().safeParse(requested).success) notFound();
    stored = await findChangeableApplication(db, { ...scope, applicationId: requested });
    if (!stored) notFound();
  }
  const [context, documentLines] = await Promise.all([
    loadNurseryFormContext(db, { ...scope, today }),
    listHouseholdDocuments(db, { ...scope, today }),
  ]);
  if (!context) notFound();
  const several = households.all.length > 1;
  const back = routes.family.nursery(slug, several ? household.id : undefined);
  if (context.structures.length === 0) {
    return (
      <>
        {heading}
        <p className="notice">
          La commune ne propose pas encore de structure d&apos;accueil en ligne : contactez le service petite enfance.
        </p>
        <p>
          <Link href={back}>Retour à la pré-inscription en crèche</Link>
        </p>
      </>
    );
  }
  const certificateSent =
    stored && context.certificateType
      ? await hasCertificate(db, commune.id, stored.requestId, context.certificateType.id)
      : false;
  return (
    <>
      {heading}
      {several ? <p>Famille {household.name}</p> : null}
      <NurseryApplicationForm
        action={(stored ? changeNurseryApplication : sendNurseryApplication).bind(null, slug)}
        householdId={household.id}
        applicationId={stored?.id}
        defaults={nurseryFormDefaults(context.guardians, stored)}
        choices={{
          guardians: context.guardians,
          children: context.children,
          structures: context.structures,
          certificateLabel: context.certificateType?.label ?? null,
          certificateSent,
          startBounds: startBounds(today),
        }}
        householdDocuments={
          <DocumentSection
            id="pieces-du-foyer"
            title="Pièces du foyer"
            intro="La commission les consulte avec votre demande. Vous pouvez les ajouter ou les remplacer dans Pièces justificatives, maintenant ou après l'envoi de votre demande."
            lines={documentLines.filter((line) => ASKED_DOCUMENTS.includes(line.type.code) && !line.child)}
            slug={slug}
            householdId={several ? household.id : undefined}
          />
        }
      />
      <p>
        <Link href={stored ? routes.family.nurseryApplication(slug, stored.id) : back}>Annuler</Link>
      </p>
    </>
  );
}

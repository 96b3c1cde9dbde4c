import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { DepositForm } from "@/components/documents/deposit-form";
import { DocumentStateBadge } from "@/components/documents/document-state-badge";
import { Breadcrumbs } from "@/components/shell/breadcrumbs";
import { NoSubscriptionNotice } from "@/components/subscriptions/no-subscription-notice";
import { Link } from "@/components/ui/link";
import { requireUser } from "@/lib/auth/session";
import { todayInParis } from "@/lib/clock";
import { getDb } from "@/lib/db";
import { listHouseholdDocuments } from "@/lib/documents/household-documents";
import { formatDate } from "@/lib/format";
import { breadcrumbs } from "@/lib/routes/breadcrumbs";
import { routes } from "@/lib/routes/paths";
import { chooseSubscribedHousehold } from "@/lib/subscriptions/households";
import { uploadDocument } from "../actions";

type Props = {
  params: Promise<{ commune: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

const TITLE = "Déposer une pièce justificative";

export const metadata: Metadata = { title: TITLE };

const text = (value: string | string[] | undefined) => (typeof value === "string" ? value : "");

/**
 * "Ajouter" / "Remplacer" a document of the list (?type=, ?enfant= for a child's, ?famille=): only a line the
 * town asks of this household opens the form (404 otherwise); documents of a request are handed in with it.
 */
export default async function DepositDocumentPage({ params, searchParams }: Props) {
  const { commune: slug } = await params;
  const query = await searchParams;
  const typeId = text(query.type);
  const childId = text(query.enfant);
  const { commune, user } = await requireUser(slug, {
    returnTo: routes.family.depositDocument(slug, { type: typeId, enfant: childId || undefined }),
  });
  const db = await getDb();
  const households = await chooseSubscribedHousehold(db, {
    communeId: commune.id,
    userId: user.id,
    requested: query.famille,
  });
  const crumbs = breadcrumbs.familyDocuments(slug, TITLE);
  if (!households) {
    return (
      <>
        <Breadcrumbs items={crumbs} />
        <h1>{TITLE}</h1>
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
  const line = lines.find(
    (l) => l.type.audience !== "request" && l.type.id === typeId && (l.child?.id ?? "") === childId,
  );
  if (!line) notFound();
  const { type, current, display } = line;
  return (
    <>
      <Breadcrumbs items={crumbs} />
      <h1>{TITLE}</h1>
      {several ? <p>Famille {household.name}</p> : null}
      <section className="card" aria-labelledby="piece-demandee">
        <h2 id="piece-demandee">
          {type.label}
          {line.child ? ` – ${line.child.firstName} ${line.child.lastName}` : null}
        </h2>
        {type.description ? <p>{type.description}</p> : null}
        <p>
          État : <DocumentStateBadge state={display} />
        </p>
        {display === "refused" && current?.refusalReason ? <p>Motif du refus : {current.refusalReason}</p> : null}
        {display === "validated" && current?.expiresOn ? (
          <p>Valable jusqu&apos;au {formatDate(current.expiresOn)}</p>
        ) : null}
        {current ? <p>Le document envoyé remplacera celui déposé le {formatDate(current.createdAt)}.</p> : null}
      </section>
      <DepositForm
        action={uploadDocument.bind(null, slug)}
        householdId={household.id}
        typeId={type.id}
        childId={line.child?.id}
      />
      <p>
        <Link href={routes.family.documents(slug, several ? household.id : undefined)}>
          Retour aux pièces justificatives
        </Link>
      </p>
    </>
  );
}

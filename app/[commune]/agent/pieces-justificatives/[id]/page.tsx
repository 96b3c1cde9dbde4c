import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { z } from "zod";
import { RefuseDocumentForm, ValidateDocumentForm } from "@/components/agent/documents/document-review-forms";
import { DocumentStateText } from "@/components/agent/documents/document-state-text";
import { DocumentViewer, describeFormat, formatFileSize } from "@/components/agent/documents/document-viewer";
import styles from "@/components/agent/documents/documents.module.css";
import { RequestChanges } from "@/components/requests/request-changes";
import { Breadcrumbs } from "@/components/shell/breadcrumbs";
import { Link } from "@/components/ui/link";
import { requireUser, staffRoles } from "@/lib/auth/session";
import { todayInParis } from "@/lib/clock";
import { getDb } from "@/lib/db";
import { findDocumentForReview } from "@/lib/documents/queue";
import { formatDate, formatDateTime } from "@/lib/format";
import { REQUEST_STATUS_LABELS, requestTypeLabel } from "@/lib/requests/types";
import { breadcrumbs } from "@/lib/routes/breadcrumbs";
import { routes } from "@/lib/routes/paths";
import { refuseDocumentAction, validateDocumentAction } from "../actions";

type Props = { params: Promise<{ commune: string; id: string }> };

export const metadata: Metadata = { title: "Vérifier une pièce justificative" };

/**
 * One document for the agents: the file inline beside the household's data (and the changes of the request it came
 * with, so a RIB sits beside its IBAN diff), then "Valider" or "Refuser" while it is pending, or the decision once
 * taken. Another commune's id is a 404.
 */
export default async function DocumentReviewPage({ params }: Props) {
  const { commune: slug, id } = await params;
  const { commune } = await requireUser(slug, { roles: staffRoles, returnTo: routes.agent.documentQueue(slug) });
  const documentId = z.uuid().safeParse(id);
  if (!documentId.success) notFound();
  const today = todayInParis();
  const document = await findDocumentForReview(await getDb(), {
    communeId: commune.id,
    documentId: documentId.data,
    today,
  });
  if (!document) notFound();

  const owner = document.household ? `la famille ${document.household.name}` : "une nouvelle famille";
  const name = `${document.type.label}${document.child ? ` de ${document.child.firstName} ${document.child.lastName}` : ""}, ${owner}`;
  const request = document.request;
  const requestStatus = request ? (REQUEST_STATUS_LABELS as Record<string, string>)[request.status] : undefined;

  return (
    <>
      <Breadcrumbs items={breadcrumbs.documentQueue(slug, document.type.label)} />
      <h1>
        {document.type.label} – {document.household ? `Famille ${document.household.name}` : "Nouvelle famille"}
      </h1>

      <div className={styles.review}>
        <section aria-labelledby="document">
          <h2 id="document">Document</h2>
          <DocumentViewer
            name={name}
            mediaType={document.mediaType}
            pageCount={document.pageCount}
            sizeBytes={document.sizeBytes}
            inlineHref={routes.agent.documentFile(slug, document.id, { inline: true })}
            downloadHref={routes.agent.documentFile(slug, document.id)}
          />
        </section>

        <section aria-labelledby="famille">
          <h2 id="famille">Famille</h2>
          <dl className="facts">
            <dt>Famille</dt>
            <dd>
              {document.household ? (
                <Link href={routes.agent.household(slug, document.household.id)}>
                  Famille {document.household.name}
                </Link>
              ) : (
                "Nouvelle famille (pré-inscription)"
              )}
            </dd>
            {document.household ? (
              <>
                <dt>Code abonné</dt>
                <dd>{document.household.subscriberCode ?? "–"}</dd>
                <dt>Adresse</dt>
                <dd>{document.household.address ?? "Non renseignée"}</dd>
              </>
            ) : null}
            {document.child ? (
              <>
                <dt>Enfant</dt>
                <dd>
                  {document.child.firstName} {document.child.lastName}
                </dd>
              </>
            ) : null}
            <dt>Pièce</dt>
            <dd>
              {document.type.label}
              {document.type.isHealth ? " (donnée de santé : chaque consultation est tracée)" : ""}
            </dd>
            <dt>Déposée le</dt>
            <dd>
              {formatDateTime(document.createdAt)}
              {document.uploaderName ? ` par ${document.uploaderName}` : ""}
            </dd>
            <dt>Fichier</dt>
            <dd>
              {describeFormat(document.mediaType, document.pageCount)}, {formatFileSize(document.sizeBytes)}
            </dd>
            <dt>État</dt>
            <dd>
              <DocumentStateText document={document} today={today} />
            </dd>
            {document.reviewedAt ? (
              <>
                <dt>{document.state === "refused" ? "Refusée le" : "Vérifiée le"}</dt>
                <dd>
                  {formatDateTime(document.reviewedAt)}
                  {document.reviewerName ? ` par ${document.reviewerName}` : ""}
                </dd>
              </>
            ) : null}
            {document.state === "validated" ? (
              <>
                <dt>Valable jusqu&apos;au</dt>
                <dd>{document.expiresOn ? formatDate(document.expiresOn) : "Sans date d'expiration"}</dd>
              </>
            ) : null}
            {document.refusalReason ? (
              <>
                <dt>Motif du refus</dt>
                <dd>{document.refusalReason}</dd>
              </>
            ) : null}
          </dl>

          {request ? (
            <>
              <h2>Demande {request.reference}</h2>
              <p>
                Pièce jointe à la demande{" "}
                <Link href={routes.agent.request(slug, request.id)}>
                  {request.reference} – {requestTypeLabel(request.type)}
                </Link>
                {requestStatus ? ` (${requestStatus.toLowerCase()})` : ""}.
              </p>
              {request.changes.length > 0 ? (
                <RequestChanges changes={request.changes} reference={request.reference} />
              ) : null}
            </>
          ) : null}
        </section>
      </div>

      {document.state === "pending" ? (
        <section aria-labelledby="decision">
          <h2 id="decision">Décision</h2>
          {request?.status === "pending" ? (
            <p>
              Accepter la demande {request.reference} valide aussi cette pièce ; la refuser la refuse avec le même
              message.
            </p>
          ) : null}
          <div className={styles.decisions}>
            <ValidateDocumentForm
              action={validateDocumentAction.bind(null, slug)}
              documentId={document.id}
              defaultExpiresOn={document.defaultExpiresOn}
            />
            <RefuseDocumentForm action={refuseDocumentAction.bind(null, slug)} documentId={document.id} />
          </div>
        </section>
      ) : null}

      <p>
        <Link href={routes.agent.documentQueue(slug)}>Retour aux pièces à vérifier</Link>
      </p>
    </>
  );
}

import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { z } from "zod";
import { InlineActionForm } from "@/components/agent/inline-action-form";
import { DocumentStateBadge } from "@/components/documents/document-state-badge";
import { WithdrawRequestButton } from "@/components/family-file/withdraw-request-button";
import { NurseryApplicationSummary } from "@/components/nursery/application-summary";
import { NurseryOfferAnswer } from "@/components/nursery/offer-answer";
import { Breadcrumbs } from "@/components/shell/breadcrumbs";
import { Link } from "@/components/ui/link";
import { requireUser } from "@/lib/auth/session";
import { currentTime, todayInParis } from "@/lib/clock";
import { getDb } from "@/lib/db";
import { listRequestDocuments } from "@/lib/documents/household-documents";
import { documentDisplayState } from "@/lib/documents/rules";
import { formatDate } from "@/lib/format";
import { getNurseryApplication } from "@/lib/nursery/detail";
import { OPEN_STATUSES } from "@/lib/nursery/labels";
import { breadcrumbs } from "@/lib/routes/breadcrumbs";
import { routes } from "@/lib/routes/paths";
import { listSubscribedHouseholds } from "@/lib/subscriptions/households";
import { withdrawMyRequest } from "../../../mon-espace-citoyen/mes-demandes/actions";
import { confirmNurseryApplicationAction } from "../actions";

type Props = { params: Promise<{ commune: string; id: string }> };

export const metadata: Metadata = { title: "Ma demande de place en crèche" };

/**
 * One application of the account's households: its summary and state, the documents sent with it, and — while it
 * is open — "Confirmer ma demande", "Modifier ma demande" (before the commission) and "Retirer ma demande"; while a
 * place is offered, the answer to the offer.
 */
export default async function FamilyNurseryApplicationPage({ params }: Props) {
  const { commune: slug, id } = await params;
  const { commune, user } = await requireUser(slug, { returnTo: routes.family.nurseryApplication(slug, id) });
  if (!z.uuid().safeParse(id).success) notFound();
  const db = await getDb();
  const now = currentTime();
  const households = await listSubscribedHouseholds(db, { communeId: commune.id, userId: user.id });
  let detail = null;
  for (const household of households) {
    detail = await getNurseryApplication(db, {
      communeId: commune.id,
      applicationId: id,
      householdId: household.id,
      now,
    });
    if (detail) break;
  }
  if (!detail) notFound();
  const documents = (await listRequestDocuments(db, { communeId: commune.id, requestId: detail.requestId })).filter(
    (d) => d.state !== "replaced",
  );
  const today = todayInParis();
  const open = (OPEN_STATUSES as readonly string[]).includes(detail.status);
  const famille = households.length > 1 ? detail.householdId : undefined;
  return (
    <>
      <Breadcrumbs items={breadcrumbs.familyNursery(slug, `Demande ${detail.reference}`)} />
      <h1>Ma demande de place en crèche {detail.reference}</h1>
      {open && detail.confirmation.state !== "up_to_date" ? (
        <p className="notice" role="status">
          Confirmez votre demande avant le {formatDate(detail.confirmation.dueOn)} : sans confirmation, elle devient
          caduque.
        </p>
      ) : null}
      <NurseryApplicationSummary detail={detail} />
      {detail.status === "offered" ? <NurseryOfferAnswer communeSlug={slug} detail={detail} /> : null}
      {open ? (
        <section aria-labelledby="actions-demande">
          <h2 id="actions-demande">Ma demande</h2>
          <p>
            Confirmez votre demande avant le {formatDate(detail.confirmation.dueOn)} pour qu&apos;elle reste étudiée par
            la commission.
          </p>
          <div className="button-row">
            <InlineActionForm
              action={confirmNurseryApplicationAction.bind(null, slug)}
              fields={{ householdId: detail.householdId, applicationId: detail.id }}
              label="Confirmer ma demande"
            />
            {detail.status === "submitted" ? (
              <Link
                className="button button--secondary button--small"
                href={routes.family.newNurseryApplication(slug, { famille, demande: detail.id })}
              >
                Modifier ma demande
              </Link>
            ) : null}
            <WithdrawRequestButton
              action={withdrawMyRequest.bind(null, slug)}
              householdId={detail.householdId}
              requestId={detail.requestId}
              reference={detail.reference}
            />
          </div>
        </section>
      ) : null}
      <section aria-labelledby="pieces-demande">
        <h2 id="pieces-demande">Pièces jointes à la demande</h2>
        {documents.length === 0 ? (
          <p>Aucune pièce n&apos;a été jointe à cette demande.</p>
        ) : (
          <ul>
            {documents.map((d) => (
              <li key={d.id}>
                {d.typeLabel} <DocumentStateBadge state={documentDisplayState(d, today)} />{" "}
                <a href={routes.family.documentFile(slug, d.id)} download>
                  Voir le document<span className="visually-hidden"> : {d.typeLabel}</span>
                </a>
              </li>
            ))}
          </ul>
        )}
        <p>
          Vos autres pièces (justificatif de domicile, attestation CAF ou avis d&apos;imposition) sont dans{" "}
          <Link href={routes.family.documents(slug, famille)}>Pièces justificatives</Link>.
        </p>
      </section>
      <p>
        <Link href={routes.citizen.request(slug, detail.requestId)}>Historique de la demande dans Mes demandes</Link>
      </p>
      <p>
        <Link href={routes.family.nursery(slug, famille)}>Retour à la pré-inscription en crèche</Link>
      </p>
    </>
  );
}

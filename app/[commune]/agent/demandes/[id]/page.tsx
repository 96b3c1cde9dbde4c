import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { z } from "zod";
import styles from "@/components/agent/documents/documents.module.css";
import { RequestDocuments } from "@/components/agent/documents/request-documents";
import { RequestDecisionForm } from "@/components/agent/requests/request-decision-form";
import { TownMessageForm } from "@/components/agent/requests/town-message-form";
import { PreRegistrationSummary } from "@/components/new-family/pre-registration-summary";
import { WishedEnrolmentRequests } from "@/components/new-family/wished-enrolment-requests";
import { BookingRequestDays } from "@/components/requests/booking-request-days";
import { RequestChanges } from "@/components/requests/request-changes";
import { RequestHistory } from "@/components/requests/request-history";
import { Breadcrumbs } from "@/components/shell/breadcrumbs";
import { Link } from "@/components/ui/link";
import { openRequestForAgent } from "@/lib/agents/requests";
import { requireUser, staffRoles } from "@/lib/auth/session";
import { getCommuneBookingRequestDays } from "@/lib/bookings/request-days";
import { todayInParis } from "@/lib/clock";
import { getDb } from "@/lib/db";
import { listRequestDocuments } from "@/lib/documents/household-documents";
import { formatDateTime } from "@/lib/format";
import { isBookingRequestType } from "@/lib/requests/types";
import { breadcrumbs } from "@/lib/routes/breadcrumbs";
import { routes } from "@/lib/routes/paths";
import { decideRequestsAction, postTownMessageAction } from "../actions";

type Props = { params: Promise<{ commune: string; id: string }> };

export const metadata: Metadata = { title: "Demande" };

/** One request for the agents: its diff, its history, the decision and messages. Another commune's id is a 404. */
export default async function AgentRequestPage({ params }: Props) {
  const { commune: slug, id } = await params;
  const { commune, user } = await requireUser(slug, { roles: staffRoles, returnTo: routes.agent.requests(slug) });
  const requestId = z.uuid().safeParse(id);
  if (!requestId.success) notFound();
  const db = await getDb();
  const request = await openRequestForAgent(db, {
    communeId: commune.id,
    agentUserId: user.id,
    requestId: requestId.data,
  });
  if (!request) notFound();
  const bookingDays = isBookingRequestType(request.type)
    ? await getCommuneBookingRequestDays(db, { communeId: commune.id, requestId: request.id })
    : null;
  const isPending = request.status === "pending";
  const documents = await listRequestDocuments(db, { communeId: commune.id, requestId: request.id });
  // The request types a document may come with (a RIB, a medical certificate) say so when none did.
  const asksForDocuments = ["bank.update", "booking.absence", "household.create"].includes(request.type);
  const attachments =
    documents.length > 0 || asksForDocuments ? (
      <RequestDocuments slug={slug} documents={documents} today={todayInParis()} reference={request.reference} />
    ) : null;

  return (
    <>
      <Breadcrumbs items={breadcrumbs.agentRequests(slug, request.reference)} />
      <h1>
        Demande {request.reference} – {request.typeLabel}
      </h1>
      <dl className="facts">
        <dt>Famille</dt>
        <dd>
          {request.householdId && request.householdName ? (
            <Link href={routes.agent.household(slug, request.householdId)}>Famille {request.householdName}</Link>
          ) : (
            "Nouvelle famille"
          )}
        </dd>
        <dt>Type</dt>
        <dd>{request.typeLabel}</dd>
        <dt>Concerne</dt>
        <dd>{request.subject ?? "–"}</dd>
        <dt>Référence</dt>
        <dd>{request.reference}</dd>
        <dt>Déposée le</dt>
        <dd>{formatDateTime(request.createdAt)}</dd>
        <dt>Dernière modification</dt>
        <dd>{formatDateTime(request.updatedAt)}</dd>
        <dt>État</dt>
        <dd>
          <span
            className={
              request.status === "accepted"
                ? "badge badge--success"
                : request.status === "refused"
                  ? "badge badge--danger"
                  : "badge"
            }
          >
            {request.statusLabel}
          </span>
          {request.decidedAt ? ` le ${formatDateTime(request.decidedAt)}` : null}
        </dd>
      </dl>

      {request.type === "nursery.application" ? (
        <p className="notice">
          Cette demande se traite en commission :{" "}
          <Link href={routes.agent.nurseryApplication(slug, request.targetId)}>
            voir la pré-inscription en crèche {request.reference}
          </Link>
          .
        </p>
      ) : request.type === "household.create" ? (
        <>
          <PreRegistrationSummary communeId={commune.id} requestId={request.id} title="Famille à créer" />
          {request.householdId ? (
            <WishedEnrolmentRequests slug={slug} communeId={commune.id} householdId={request.householdId} />
          ) : null}
          {attachments}
        </>
      ) : bookingDays ? (
        <>
          <BookingRequestDays detail={bookingDays} reference={request.reference} />
          {attachments}
        </>
      ) : attachments ? (
        // The documents beside the changes they prove (the RIB beside the IBAN diff).
        <div className={styles.review}>
          <section aria-labelledby="modifications">
            <h2 id="modifications">Modifications</h2>
            <RequestChanges changes={request.changes} reference={request.reference} />
          </section>
          {attachments}
        </div>
      ) : (
        <>
          <h2>Modifications</h2>
          <RequestChanges changes={request.changes} reference={request.reference} />
        </>
      )}

      {request.type === "nursery.application" ? null : (
        <RequestDecisionForm action={decideRequestsAction.bind(null, slug)} requestId={request.id} open={isPending} />
      )}

      <h2>Historique</h2>
      <RequestHistory entries={request.history} viewer="agent" />

      <TownMessageForm action={postTownMessageAction.bind(null, slug)} requestId={request.id} />
    </>
  );
}

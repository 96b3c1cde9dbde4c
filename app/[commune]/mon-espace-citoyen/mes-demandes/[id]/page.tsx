import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { z } from "zod";
import { WithdrawRequestButton } from "@/components/family-file/withdraw-request-button";
import { PreRegistrationSummary } from "@/components/new-family/pre-registration-summary";
import { BookingRequestDays } from "@/components/requests/booking-request-days";
import { RequestChanges } from "@/components/requests/request-changes";
import { RequestHistory } from "@/components/requests/request-history";
import { RequestStatusBadge } from "@/components/requests/status-badge";
import { Breadcrumbs } from "@/components/shell/breadcrumbs";
import { Link } from "@/components/ui/link";
import { requireUser } from "@/lib/auth/session";
import { getHouseholdBookingRequestDays } from "@/lib/bookings/request-days";
import { getDb } from "@/lib/db";
import { formatDateTime } from "@/lib/format";
import { getAccountPreRegistration, getHouseholdRequest } from "@/lib/requests/detail";
import { markRequestsRead } from "@/lib/requests/messages";
import { isBookingRequestType } from "@/lib/requests/types";
import { breadcrumbs } from "@/lib/routes/breadcrumbs";
import { routes } from "@/lib/routes/paths";
import { listSubscribedHouseholds } from "@/lib/subscriptions/households";
import { withdrawMyRequest } from "../actions";

type Props = { params: Promise<{ commune: string; id: string }> };

export const metadata: Metadata = { title: "Détail de ma demande" };

/** One request of the account's households with its history; opening it marks the town's news as read. */
export default async function MyRequestPage({ params }: Props) {
  const { commune: slug, id } = await params;
  const { commune, user } = await requireUser(slug, { returnTo: routes.citizen.request(slug, id) });
  if (!z.uuid().safeParse(id).success) notFound();
  const db = await getDb();
  let request = null;
  for (const household of await listSubscribedHouseholds(db, { communeId: commune.id, userId: user.id })) {
    const scope = { communeId: commune.id, householdId: household.id };
    request = await getHouseholdRequest(db, { ...scope, requestId: id });
    if (request) {
      if (request.unreadCount > 0) await markRequestsRead(db, { ...scope, requestIds: [id] });
      break;
    }
  }
  // A new family's pre-registration, before the town files it under a household.
  request ??= await getAccountPreRegistration(db, { communeId: commune.id, userId: user.id, requestId: id });
  if (!request) notFound();
  const bookingDays =
    isBookingRequestType(request.type) && request.householdId
      ? await getHouseholdBookingRequestDays(db, {
          communeId: commune.id,
          householdId: request.householdId,
          requestId: request.id,
        })
      : null;
  return (
    <>
      <Breadcrumbs items={breadcrumbs.myRequests(slug, `Demande ${request.reference}`)} />
      <h1>Détail de ma demande {request.reference}</h1>
      <dl className="facts">
        <dt>Type de demande</dt>
        <dd>{request.typeLabel}</dd>
        {request.subject ? (
          <>
            <dt>Concerne</dt>
            <dd>{request.subject}</dd>
          </>
        ) : null}
        <dt>Date</dt>
        <dd>{formatDateTime(request.createdAt)}</dd>
        <dt>Statut</dt>
        <dd>
          <RequestStatusBadge status={request.status} label={request.statusLabel} />
        </dd>
      </dl>
      {request.type === "nursery.application" ? (
        <p>
          <Link href={routes.family.nurseryApplication(slug, request.targetId)}>
            Voir ma demande de place en crèche
          </Link>
        </p>
      ) : null}
      {request.status === "pending" && request.householdId ? (
        <WithdrawRequestButton
          action={withdrawMyRequest.bind(null, slug)}
          householdId={request.householdId}
          requestId={request.id}
          reference={request.reference}
        />
      ) : null}
      {request.type === "household.create" ? (
        <PreRegistrationSummary communeId={commune.id} requestId={request.id} title="Ma famille" />
      ) : bookingDays ? (
        <BookingRequestDays detail={bookingDays} reference={request.reference} />
      ) : (
        <RequestChanges changes={request.changes} reference={request.reference} />
      )}
      {request.decisionMessage ? (
        <section aria-labelledby="reponse">
          <h2 id="reponse">Réponse de la collectivité</h2>
          <p className="notice">{request.decisionMessage}</p>
        </section>
      ) : null}
      <section aria-labelledby="historique">
        <h2 id="historique">Historique de la demande</h2>
        <RequestHistory entries={request.history} viewer="family" />
      </section>
      <p>
        <Link href={routes.citizen.requests(slug)}>Retour à Mes demandes</Link>
      </p>
    </>
  );
}

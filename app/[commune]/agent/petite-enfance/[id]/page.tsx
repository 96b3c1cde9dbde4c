import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { z } from "zod";
import { HouseholdDocuments, householdDocumentLines } from "@/components/agent/documents/household-documents";
import { RequestDocuments } from "@/components/agent/documents/request-documents";
import { NurseryApplicationSummary } from "@/components/nursery/application-summary";
import { RequestHistory } from "@/components/requests/request-history";
import { Breadcrumbs } from "@/components/shell/breadcrumbs";
import { Link } from "@/components/ui/link";
import { requireUser, staffRoles } from "@/lib/auth/session";
import { currentTime, todayInParis } from "@/lib/clock";
import { getDb } from "@/lib/db";
import { listHouseholdDocuments, listRequestDocuments } from "@/lib/documents/household-documents";
import { getNurseryApplication } from "@/lib/nursery/detail";
import { OPEN_STATUSES } from "@/lib/nursery/labels";
import { getCommuneRequest } from "@/lib/requests/detail";
import { breadcrumbs } from "@/lib/routes/breadcrumbs";
import { routes } from "@/lib/routes/paths";

type Props = { params: Promise<{ commune: string; id: string }> };

export const metadata: Metadata = { title: "Demande de pré-inscription en crèche" };

/**
 * One application for the agents: its summary, the household's documents and the ones sent with it (with their
 * review pages), its history. Another commune's id is a 404.
 */
export default async function NurseryApplicationFilePage({ params }: Props) {
  const { commune: slug, id } = await params;
  const { commune } = await requireUser(slug, { roles: staffRoles, returnTo: routes.agent.nursery(slug) });
  const applicationId = z.uuid().safeParse(id);
  if (!applicationId.success) notFound();
  const db = await getDb();
  const detail = await getNurseryApplication(db, {
    communeId: commune.id,
    applicationId: applicationId.data,
    now: currentTime(),
  });
  if (!detail) notFound();
  const today = todayInParis();
  const [householdLines, requestDocuments, request] = await Promise.all([
    listHouseholdDocuments(db, { communeId: commune.id, householdId: detail.householdId, today }),
    listRequestDocuments(db, { communeId: commune.id, requestId: detail.requestId }),
    getCommuneRequest(db, { communeId: commune.id, requestId: detail.requestId }),
  ]);
  const open = (OPEN_STATUSES as readonly string[]).includes(detail.status);

  return (
    <>
      <Breadcrumbs items={breadcrumbs.agentNursery(slug, `Demande ${detail.reference}`)} />
      <h1>
        Pré-inscription {detail.reference} – {detail.child.name}
      </h1>
      <p>
        <Link href={routes.agent.household(slug, detail.householdId)}>Famille {detail.householdName}</Link>
        {" · "}
        <Link href={routes.agent.request(slug, detail.requestId)}>Voir la demande {detail.reference}</Link>
        {open ? (
          <>
            {" · "}
            <Link href={routes.agent.nurseryCommission(slug)}>Décider en commission</Link>
          </>
        ) : null}
      </p>
      <NurseryApplicationSummary detail={detail} />
      <RequestDocuments slug={slug} documents={requestDocuments} today={today} reference={detail.reference} />
      <HouseholdDocuments
        slug={slug}
        householdName={detail.householdName}
        lines={householdDocumentLines(householdLines)}
      />
      <h2>Historique</h2>
      {request ? <RequestHistory entries={request.history} viewer="agent" /> : null}
    </>
  );
}

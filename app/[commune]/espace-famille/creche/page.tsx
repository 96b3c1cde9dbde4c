import type { Metadata } from "next";
import { RequestStatusBadge } from "@/components/requests/status-badge";
import { Breadcrumbs } from "@/components/shell/breadcrumbs";
import { NoSubscriptionNotice } from "@/components/subscriptions/no-subscription-notice";
import { DataTable } from "@/components/ui/data-table";
import { Link } from "@/components/ui/link";
import { requireUser } from "@/lib/auth/session";
import { currentTime } from "@/lib/clock";
import { getDb } from "@/lib/db";
import { formatDate } from "@/lib/format";
import { listHouseholdNurseryApplications } from "@/lib/nursery/family-list";
import { APPLICATION_STATUS_LABELS, CARE_TYPE_LABELS } from "@/lib/nursery/labels";
import { requestStatusFor } from "@/lib/nursery/transitions";
import { breadcrumbs } from "@/lib/routes/breadcrumbs";
import { routes } from "@/lib/routes/paths";
import { chooseSubscribedHousehold } from "@/lib/subscriptions/households";

type Props = {
  params: Promise<{ commune: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export const metadata: Metadata = { title: "Pré-inscription en crèche" };

/**
 * Espace famille › Pré-inscription en crèche (guides 000, 001): the household's applications with their state and
 * the next confirmation due, and "Faire une demande".
 */
export default async function FamilyNurseryPage({ params, searchParams }: Props) {
  const { commune: slug } = await params;
  const query = await searchParams;
  const { commune, user } = await requireUser(slug, { returnTo: routes.family.nursery(slug) });
  const db = await getDb();
  const households = await chooseSubscribedHousehold(db, {
    communeId: commune.id,
    userId: user.id,
    requested: query.famille,
  });
  const heading = (
    <>
      <Breadcrumbs items={breadcrumbs.familyNursery(slug)} />
      <h1>Pré-inscription en crèche</h1>
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
  const famille = several ? household.id : undefined;
  const lines = await listHouseholdNurseryApplications(db, {
    communeId: commune.id,
    householdId: household.id,
    now: currentTime(),
  });
  const newest = lines[0];
  return (
    <>
      {heading}
      {query.envoyee === "1" && newest ? (
        <p className="notice notice--success" role="status">
          Votre demande {newest.reference} a bien été envoyée.
        </p>
      ) : null}
      {several ? <p>Famille {household.name}</p> : null}
      <p>
        Demandez une place en crèche pour votre enfant, né ou à naître : la commission d&apos;attribution des places
        étudie les demandes et vous répond par e-mail. Confirmez chaque demande avant la date indiquée, sinon elle
        devient caduque.
      </p>
      <p>
        <Link className="button" href={routes.family.newNurseryApplication(slug, { famille })}>
          Faire une demande
        </Link>
      </p>
      <h2>Mes demandes de place en crèche</h2>
      {lines.length === 0 ? (
        <p>Vous n&apos;avez pas encore fait de demande.</p>
      ) : (
        <DataTable
          caption="Mes demandes de place en crèche"
          hiddenCaption
          rows={lines}
          columns={[
            {
              header: "Référence",
              rowHeader: true,
              cell: (line) => <Link href={routes.family.nurseryApplication(slug, line.id)}>{line.reference}</Link>,
            },
            { header: "Enfant", cell: (line) => line.childName },
            { header: "Type de garde", cell: (line) => CARE_TYPE_LABELS[line.careType] },
            { header: "Entrée souhaitée", cell: (line) => formatDate(line.desiredStartOn) },
            {
              header: "État",
              cell: (line) => (
                <RequestStatusBadge
                  status={requestStatusFor(line.status)}
                  label={APPLICATION_STATUS_LABELS[line.status]}
                />
              ),
            },
            {
              header: "À confirmer avant le",
              cell: (line) =>
                line.confirmation ? (
                  <>
                    {formatDate(line.confirmation.dueOn)}
                    {line.confirmation.state === "reminder_due" ? (
                      <>
                        {" "}
                        <span className="badge badge--danger">À confirmer</span>
                      </>
                    ) : null}
                  </>
                ) : (
                  "—"
                ),
            },
          ]}
        />
      )}
    </>
  );
}

import { RequestStatusBadge } from "@/components/requests/status-badge";
import { Link } from "@/components/ui/link";
import { getDb } from "@/lib/db";
import { ENROLMENT_REQUEST } from "@/lib/new-family/enrolment-requests";
import { listHouseholdRequests } from "@/lib/requests/lists";
import { routes } from "@/lib/routes/paths";

/** On an accepted pre-registration, for agents: the enrolment requests its step 3 asked, each to confirm. */
export async function WishedEnrolmentRequests({
  slug,
  communeId,
  householdId,
}: {
  slug: string;
  communeId: string;
  householdId: string;
}) {
  const { items } = await listHouseholdRequests(await getDb(), {
    communeId,
    householdId,
    types: [ENROLMENT_REQUEST],
    pageSize: 100,
  });
  return (
    <section aria-labelledby="inscriptions-demandees">
      <h2 id="inscriptions-demandees">Inscriptions demandées</h2>
      {items.length === 0 ? (
        <p>Aucune : aucun service coché à la pré-inscription ne correspond à une activité de la commune.</p>
      ) : (
        <ul>
          {items.map((item) => (
            <li key={item.id}>
              <Link href={routes.agent.request(slug, item.id)}>{item.reference}</Link> – {item.subject}{" "}
              <RequestStatusBadge status={item.status} label={item.statusLabel} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

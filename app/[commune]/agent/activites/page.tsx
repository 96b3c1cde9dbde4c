import type { Metadata } from "next";
import { ActivityTable } from "@/components/agent/planning/activity-table";
import styles from "@/components/agent/planning/planning.module.css";
import { Breadcrumbs } from "@/components/shell/breadcrumbs";
import { Link } from "@/components/ui/link";
import { listActivities } from "@/lib/activities/activities";
import { requireUser, staffRoles } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { breadcrumbs } from "@/lib/routes/breadcrumbs";
import { routes } from "@/lib/routes/paths";

type Props = { params: Promise<{ commune: string }> };

export const metadata: Metadata = { title: "Activités" };

/** The commune's activities: days, hours, places, deadlines; links to create one, to closures and enrolments. */
export default async function ActivitiesPage({ params }: Props) {
  const { commune: slug } = await params;
  const { commune } = await requireUser(slug, { roles: staffRoles, returnTo: routes.agent.activities(slug) });
  const activities = await listActivities(await getDb(), { communeId: commune.id });
  return (
    <>
      <Breadcrumbs items={breadcrumbs.activities(slug)} />
      <h1>Activités</h1>
      <ul className={styles.links}>
        <li>
          <Link className="button" href={routes.agent.newActivity(slug)}>
            Créer une activité
          </Link>
        </li>
        <li>
          <Link className="button button--secondary" href={routes.agent.closures(slug)}>
            Jours de fermeture
          </Link>
        </li>
      </ul>
      {activities.length === 0 ? (
        <p>Aucune activité pour le moment.</p>
      ) : (
        <ActivityTable slug={slug} activities={activities} />
      )}
    </>
  );
}

import type { Metadata } from "next";
import { ActivityForm } from "@/components/agent/planning/activity-form";
import styles from "@/components/agent/planning/planning.module.css";
import { Breadcrumbs } from "@/components/shell/breadcrumbs";
import { Link } from "@/components/ui/link";
import { requireUser, staffRoles } from "@/lib/auth/session";
import { activityLabel } from "@/lib/planning/labels";
import { breadcrumbs } from "@/lib/routes/breadcrumbs";
import { routes } from "@/lib/routes/paths";
import { saveActivityAction } from "../actions";
import { activityFromParams } from "../activity-from-params";

type Props = { params: Promise<{ commune: string; id: string }>; searchParams: Promise<{ creee?: string | string[] }> };

export const metadata: Metadata = { title: "Modifier l'activité" };

/** One activity's settings, with its enrolments and its day in the bookings inbox one click away. */
export default async function ActivityPage({ params, searchParams }: Props) {
  const { commune: slug, id } = await params;
  const { commune } = await requireUser(slug, { roles: staffRoles, returnTo: routes.agent.activity(slug, id) });
  const activity = await activityFromParams(commune.id, id);
  const justCreated = (await searchParams).creee === "1";
  const label = activityLabel(activity);
  return (
    <>
      <Breadcrumbs items={breadcrumbs.activities(slug, label)} />
      <h1>Activité {label}</h1>
      {justCreated ? (
        <p className="notice notice--success" role="status">
          L&apos;activité a été créée. Vous pouvez maintenant y inscrire des enfants.
        </p>
      ) : null}
      <ul className={styles.links}>
        <li>
          <Link href={routes.agent.enrolments(slug, activity.id)}>Inscriptions à cette activité</Link>
        </li>
        <li>
          <Link href={routes.agent.closures(slug)}>Jours de fermeture</Link>
        </li>
        <li>
          <Link href={routes.agent.bookings(slug, { activityId: activity.id })}>
            Réservations et absences de cette activité
          </Link>
        </li>
        <li>
          <Link href={routes.agent.activityBilling(slug, activity.id)}>Nature de facturation et tarifs</Link>
        </li>
      </ul>
      <h2>Modifier l&apos;activité</h2>
      <ActivityForm action={saveActivityAction.bind(null, slug)} activity={activity} />
    </>
  );
}

import type { Metadata } from "next";
import { ClosureForm } from "@/components/agent/planning/closure-form";
import { ClosureTable } from "@/components/agent/planning/closure-table";
import { Breadcrumbs } from "@/components/shell/breadcrumbs";
import { listActivities } from "@/lib/activities/activities";
import { listClosurePeriods } from "@/lib/activities/closures";
import { requireUser, staffRoles } from "@/lib/auth/session";
import { todayInParis } from "@/lib/clock";
import { getDb } from "@/lib/db";
import { activityLabel } from "@/lib/planning/labels";
import { breadcrumbs } from "@/lib/routes/breadcrumbs";
import { routes } from "@/lib/routes/paths";
import { addClosuresAction, removeClosuresAction } from "../actions";

type Props = { params: Promise<{ commune: string }> };

export const metadata: Metadata = { title: "Jours de fermeture" };

/** Public holidays, school holidays and closures, for the whole commune or one activity: no booking those days. */
export default async function ClosuresPage({ params }: Props) {
  const { commune: slug } = await params;
  const { commune } = await requireUser(slug, { roles: staffRoles, returnTo: routes.agent.closures(slug) });
  const db = await getDb();
  const [activities, periods] = await Promise.all([
    listActivities(db, { communeId: commune.id }),
    listClosurePeriods(db, { communeId: commune.id, from: todayInParis() }),
  ]);
  return (
    <>
      <Breadcrumbs items={breadcrumbs.activities(slug, "Jours de fermeture")} />
      <h1>Jours de fermeture</h1>
      <p>
        Les familles ne peuvent ni réserver ni déclarer d&apos;absence un jour de fermeture. Les jours fériés de toute
        la commune comptent aussi dans les délais en jours ouvrés.
      </p>
      <ClosureTable action={removeClosuresAction.bind(null, slug)} periods={periods} />
      <ClosureForm
        action={addClosuresAction.bind(null, slug)}
        activities={activities.map((activity) => ({ id: activity.id, label: activityLabel(activity) }))}
      />
    </>
  );
}

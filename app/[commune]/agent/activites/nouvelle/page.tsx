import type { Metadata } from "next";
import { ActivityForm } from "@/components/agent/planning/activity-form";
import { Breadcrumbs } from "@/components/shell/breadcrumbs";
import { requireUser, staffRoles } from "@/lib/auth/session";
import { breadcrumbs } from "@/lib/routes/breadcrumbs";
import { routes } from "@/lib/routes/paths";
import { saveActivityAction } from "../actions";

type Props = { params: Promise<{ commune: string }> };

export const metadata: Metadata = { title: "Créer une activité" };

export default async function NewActivityPage({ params }: Props) {
  const { commune: slug } = await params;
  await requireUser(slug, { roles: staffRoles, returnTo: routes.agent.newActivity(slug) });
  return (
    <>
      <Breadcrumbs items={breadcrumbs.activities(slug, "Créer une activité")} />
      <h1>Créer une activité</h1>
      <ActivityForm action={saveActivityAction.bind(null, slug)} />
    </>
  );
}

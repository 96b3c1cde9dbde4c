import type { Metadata } from "next";
import { ActivityForm } from "@/components/agent/planning/activity-form";
import { Breadcrumbs } from "@/components/shell/breadcrumbs";
import { requireUser, staffRoles } from "@/lib/auth/session";
import { activitiesCrumb, agentCrumbs } from "../../crumbs";

type Props = { params: Promise<{ commune: string }> };

export const metadata: Metadata = { title: "Créer une activité" };

export default async function NewActivityPage({ params }: Props) {
  const { commune: slug } = await params;
  await requireUser(slug, { roles: staffRoles, returnTo: `/${slug}/agent/activites/nouvelle` });
  return (
    <>
      <Breadcrumbs items={agentCrumbs(slug, activitiesCrumb(slug), { label: "Créer une activité" })} />
      <h1>Créer une activité</h1>
      <ActivityForm slug={slug} />
    </>
  );
}

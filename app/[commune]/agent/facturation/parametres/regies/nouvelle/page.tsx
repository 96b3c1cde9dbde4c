import type { Metadata } from "next";
import { RegieForm } from "@/components/agent/billing/regie-form";
import { Breadcrumbs } from "@/components/shell/breadcrumbs";
import { requireUser } from "@/lib/auth/session";
import { breadcrumbs } from "@/lib/routes/breadcrumbs";
import { routes } from "@/lib/routes/paths";
import { saveRegieAction } from "../../actions";

type Props = { params: Promise<{ commune: string }> };

export const metadata: Metadata = { title: "Créer une régie" };

/** "Créer une régie": admins only (see the actions). */
export default async function NewRegiePage({ params }: Props) {
  const { commune: slug } = await params;
  await requireUser(slug, { roles: ["admin"], returnTo: routes.agent.newRegie(slug) });
  return (
    <>
      <Breadcrumbs items={breadcrumbs.billingSettings(slug, "Créer une régie")} />
      <h1>Créer une régie</h1>
      <RegieForm action={saveRegieAction.bind(null, slug)} />
    </>
  );
}

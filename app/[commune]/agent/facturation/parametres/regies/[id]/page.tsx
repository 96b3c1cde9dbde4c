import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { z } from "zod";
import { RegieForm } from "@/components/agent/billing/regie-form";
import { Breadcrumbs } from "@/components/shell/breadcrumbs";
import { requireUser } from "@/lib/auth/session";
import { findRegie } from "@/lib/billing/settings";
import { getDb } from "@/lib/db";
import { breadcrumbs } from "@/lib/routes/breadcrumbs";
import { routes } from "@/lib/routes/paths";
import { saveRegieAction } from "../../actions";

type Props = { params: Promise<{ commune: string; id: string }>; searchParams: Promise<{ creee?: string | string[] }> };

export const metadata: Metadata = { title: "Modifier la régie" };

/** One régie's settings: admins only (see the actions); another commune's régie is a 404. */
export default async function RegiePage({ params, searchParams }: Props) {
  const { commune: slug, id } = await params;
  const { commune } = await requireUser(slug, { roles: ["admin"], returnTo: routes.agent.regie(slug, id) });
  const regieId = z.uuid().safeParse(id);
  if (!regieId.success) notFound();
  const regie = await findRegie(await getDb(), { communeId: commune.id, regieId: regieId.data });
  if (!regie) notFound();
  const justCreated = (await searchParams).creee === "1";
  return (
    <>
      <Breadcrumbs items={breadcrumbs.billingSettings(slug, regie.name)} />
      <h1>Régie {regie.name}</h1>
      {justCreated ? (
        <p className="notice notice--success" role="status">
          La régie a été créée. Ajoutez-lui maintenant des natures de facturation.
        </p>
      ) : null}
      <RegieForm action={saveRegieAction.bind(null, slug)} regie={regie} />
    </>
  );
}

import type { Metadata } from "next";
import { CommuneLogoForm, CommuneLookForm } from "@/components/communes/commune-look-forms";
import { Breadcrumbs } from "@/components/shell/breadcrumbs";
import { requireUser } from "@/lib/auth/session";
import { breadcrumbs } from "@/lib/routes/breadcrumbs";
import { routes } from "@/lib/routes/paths";
import { saveCommuneLookAction, uploadCommuneLogoAction } from "./actions";

type Props = { params: Promise<{ commune: string }> };

export const metadata: Metadata = { title: "Identité de la commune" };

/** What the portal's pages and mails show of the town: logo, colour, mails' sender and opening hours (admins only). */
export default async function CommuneSettingsPage({ params }: Props) {
  const { commune: slug } = await params;
  const { commune } = await requireUser(slug, { roles: ["admin"], returnTo: routes.agent.communeSettings(slug) });
  return (
    <>
      <Breadcrumbs items={breadcrumbs.communeSettings(slug)} />
      <h1>Identité de la commune</h1>
      <p>
        Le logo et la couleur apparaissent en haut de chaque page du portail et dans les e-mails envoyés aux familles.
        Les e-mails se terminent par les coordonnées du service : {commune.contactAddress ?? "adresse non renseignée"},{" "}
        {commune.contactPhone ?? "téléphone non renseigné"}, {commune.contactEmail}.
      </p>

      <h2>Logo</h2>
      {commune.logoUpdatedAt ? (
        <img src={routes.communeLogo(slug, commune.logoUpdatedAt)} alt="Logo actuel de la commune" height={48} />
      ) : (
        <p>Aucun logo n&apos;est enregistré.</p>
      )}
      <CommuneLogoForm action={uploadCommuneLogoAction.bind(null, slug)} hasLogo={Boolean(commune.logoUpdatedAt)} />

      <h2>Couleur et e-mails</h2>
      <CommuneLookForm action={saveCommuneLookAction.bind(null, slug)} look={commune} />
    </>
  );
}

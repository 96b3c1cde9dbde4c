import type { Metadata } from "next";
import { ChangePasswordForm } from "@/components/accounts/change-password-form";
import { Breadcrumbs } from "@/components/shell/breadcrumbs";
import { requireUser } from "@/lib/auth/session";
import { breadcrumbs } from "@/lib/routes/breadcrumbs";
import { routes } from "@/lib/routes/paths";
import { changePassword } from "./actions";

export const metadata: Metadata = { title: "Changer mon mot de passe" };

type Props = { params: Promise<{ commune: string }> };

export default async function ChangePasswordPage({ params }: Props) {
  const slug = (await params).commune;
  const { commune } = await requireUser(slug, { returnTo: routes.citizen.changePassword(slug) });
  return (
    <>
      <Breadcrumbs items={breadcrumbs.citizenSpace(commune.slug, "Changer mon mot de passe")} />
      <h1>Changer mon mot de passe</h1>
      <p>Après le changement, vos autres sessions (autres appareils ou navigateurs) seront fermées.</p>
      <ChangePasswordForm action={changePassword.bind(null, commune.slug)} />
    </>
  );
}

import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { LoginForm } from "@/components/accounts/login-form";
import { Breadcrumbs } from "@/components/shell/breadcrumbs";
import { landingPath, safeReturnPath } from "@/lib/accounts/return-path";
import { currentVisitor } from "@/lib/auth/session";
import { logIn } from "./actions";

export const metadata: Metadata = { title: "Connexion" };

type Props = { params: Promise<{ commune: string }>; searchParams: Promise<{ retour?: string | string[] }> };

export default async function LoginPage({ params, searchParams }: Props) {
  const { commune, user } = await currentVisitor((await params).commune);
  const { retour } = await searchParams;
  const returnPath = safeReturnPath(commune.slug, typeof retour === "string" ? retour : undefined) ?? undefined;
  if (user) redirect(returnPath ?? landingPath(commune.slug, user.role));
  return (
    <>
      <Breadcrumbs items={[{ label: "Accueil", href: `/${commune.slug}` }, { label: "Connexion" }]} />
      <h1>Connexion</h1>
      <LoginForm communeSlug={commune.slug} action={logIn} retour={returnPath} />
    </>
  );
}

import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { LoginForm } from "@/components/accounts/login-form";
import { Breadcrumbs } from "@/components/shell/breadcrumbs";
import { safeReturnPath } from "@/lib/accounts/return-path";
import { currentVisitor } from "@/lib/auth/session";
import { breadcrumbs } from "@/lib/routes/breadcrumbs";
import { routes } from "@/lib/routes/paths";
import { logIn } from "./actions";

export const metadata: Metadata = { title: "Connexion" };

type Props = { params: Promise<{ commune: string }>; searchParams: Promise<{ retour?: string | string[] }> };

export default async function LoginPage({ params, searchParams }: Props) {
  const { commune, user } = await currentVisitor((await params).commune);
  const { retour } = await searchParams;
  const returnPath = safeReturnPath(commune.slug, typeof retour === "string" ? retour : undefined) ?? undefined;
  if (user) redirect(returnPath ?? routes.landing(commune.slug, user.role));
  return (
    <>
      <Breadcrumbs items={breadcrumbs.login(commune.slug)} />
      <h1>Connexion</h1>
      <LoginForm communeSlug={commune.slug} action={logIn.bind(null, commune.slug)} retour={returnPath} />
    </>
  );
}

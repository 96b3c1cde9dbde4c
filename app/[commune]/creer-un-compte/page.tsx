import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SignUpForm } from "@/components/accounts/sign-up-form";
import { Breadcrumbs } from "@/components/shell/breadcrumbs";
import { currentVisitor } from "@/lib/auth/session";
import { breadcrumbs } from "@/lib/routes/breadcrumbs";
import { routes } from "@/lib/routes/paths";
import { signUp } from "./actions";

export const metadata: Metadata = { title: "Créer un compte" };

type Props = { params: Promise<{ commune: string }> };

export default async function SignUpPage({ params }: Props) {
  const { commune, user } = await currentVisitor((await params).commune);
  if (user) redirect(routes.landing(commune.slug, user.role));
  return (
    <>
      <Breadcrumbs items={breadcrumbs.home(commune.slug, "Créer un compte")} />
      <h1>Créer un compte</h1>
      <SignUpForm communeSlug={commune.slug} action={signUp.bind(null, commune.slug)} />
    </>
  );
}

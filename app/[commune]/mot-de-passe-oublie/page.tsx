import type { Metadata } from "next";
import { EmailCaptchaForm } from "@/components/accounts/email-captcha-form";
import { Breadcrumbs } from "@/components/shell/breadcrumbs";
import { currentVisitor } from "@/lib/auth/session";
import { breadcrumbs } from "@/lib/routes/breadcrumbs";
import { forgotPassword } from "./actions";

export const metadata: Metadata = { title: "Mot de passe oublié" };

type Props = { params: Promise<{ commune: string }> };

export default async function ForgotPasswordPage({ params }: Props) {
  const { commune } = await currentVisitor((await params).commune);
  return (
    <>
      <Breadcrumbs items={breadcrumbs.login(commune.slug, "Mot de passe oublié")} />
      <h1>Mot de passe oublié</h1>
      <p>
        Saisissez l&apos;adresse e-mail de votre compte : nous vous enverrons un lien pour choisir un nouveau mot de
        passe.
      </p>
      <EmailCaptchaForm action={forgotPassword.bind(null, commune.slug)} submitLabel="Recevoir le lien" />
    </>
  );
}

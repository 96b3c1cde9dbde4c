import type { Metadata } from "next";
import { EmailCaptchaForm } from "@/components/accounts/email-captcha-form";
import { Breadcrumbs } from "@/components/shell/breadcrumbs";
import { currentVisitor } from "@/lib/auth/session";
import { breadcrumbs } from "@/lib/routes/breadcrumbs";
import { resendActivation } from "../actions";

export const metadata: Metadata = { title: "Recevoir un nouveau lien d'activation" };

type Props = { params: Promise<{ commune: string }> };

export default async function ResendActivationPage({ params }: Props) {
  const { commune } = await currentVisitor((await params).commune);
  return (
    <>
      <Breadcrumbs items={breadcrumbs.login(commune.slug, "Nouveau lien d'activation")} />
      <h1>Recevoir un nouveau lien d&apos;activation</h1>
      <p>
        Saisissez l&apos;adresse e-mail de votre compte : si celui-ci n&apos;est pas encore activé, nous vous enverrons
        un nouveau lien, valable 24 heures.
      </p>
      <EmailCaptchaForm action={resendActivation.bind(null, commune.slug)} submitLabel="Recevoir un nouveau lien" />
    </>
  );
}

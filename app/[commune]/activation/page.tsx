import type { Metadata } from "next";
import { ActivationForm } from "@/components/accounts/activation-form";
import { EmailCaptchaForm } from "@/components/accounts/email-captcha-form";
import { Breadcrumbs } from "@/components/shell/breadcrumbs";
import { Link } from "@/components/ui/link";
import { ACTIVATION_EXPIRED, LINK_USED_OR_INVALID } from "@/lib/accounts/messages";
import { inspectAccountToken } from "@/lib/accounts/tokens";
import { currentVisitor } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { breadcrumbs } from "@/lib/routes/breadcrumbs";
import { routes } from "@/lib/routes/paths";
import { activate, resendActivation } from "./actions";

export const metadata: Metadata = { title: "Activation du compte" };

type Props = { params: Promise<{ commune: string }>; searchParams: Promise<{ jeton?: string | string[] }> };

/** The mailed link lands here. Only looked at, never spent, on this GET: the button posts the activation. */
export default async function ActivationPage({ params, searchParams }: Props) {
  const { commune } = await currentVisitor((await params).commune);
  const { jeton } = await searchParams;
  const token = typeof jeton === "string" ? jeton : "";
  const { status } = token
    ? await inspectAccountToken(await getDb(), { communeId: commune.id, purpose: "activation", token })
    : { status: "unknown" as const };

  return (
    <>
      <Breadcrumbs items={breadcrumbs.home(commune.slug, "Activation du compte")} />
      <h1>Activation du compte</h1>
      {status === "valid" ? (
        <ActivationForm communeSlug={commune.slug} action={activate.bind(null, commune.slug)} token={token} />
      ) : null}
      {status === "expired" ? (
        <>
          <p className="notice notice--error">
            {ACTIVATION_EXPIRED} Saisissez votre adresse e-mail pour recevoir un nouveau lien.
          </p>
          <EmailCaptchaForm action={resendActivation.bind(null, commune.slug)} submitLabel="Recevoir un nouveau lien" />
        </>
      ) : null}
      {status === "used" || status === "unknown" ? (
        <div className="notice notice--error">
          <p>{LINK_USED_OR_INVALID}</p>
          <p>
            Si votre compte est déjà activé, <Link href={routes.login(commune.slug)}>connectez-vous</Link>. Sinon,{" "}
            <Link href={routes.resendActivation(commune.slug)}>recevez un nouveau lien d&apos;activation</Link>.
          </p>
        </div>
      ) : null}
    </>
  );
}

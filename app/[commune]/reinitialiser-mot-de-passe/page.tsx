import type { Metadata } from "next";
import { ResetPasswordForm } from "@/components/accounts/reset-password-form";
import { Breadcrumbs } from "@/components/shell/breadcrumbs";
import { Link } from "@/components/ui/link";
import { LINK_USED_OR_INVALID, RESET_LINK_EXPIRED } from "@/lib/accounts/messages";
import { inspectAccountToken } from "@/lib/accounts/tokens";
import { currentVisitor } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { breadcrumbs } from "@/lib/routes/breadcrumbs";
import { routes } from "@/lib/routes/paths";
import { chooseNewPassword } from "./actions";

export const metadata: Metadata = { title: "Choisir un nouveau mot de passe" };

type Props = { params: Promise<{ commune: string }>; searchParams: Promise<{ jeton?: string | string[] }> };

/** Opened from a reset mail (or an agent's invitation); the link is spent only when the new password is saved. */
export default async function ResetPasswordPage({ params, searchParams }: Props) {
  const { commune } = await currentVisitor((await params).commune);
  const { jeton } = await searchParams;
  const token = typeof jeton === "string" ? jeton : "";
  const { status } = token
    ? await inspectAccountToken(await getDb(), { communeId: commune.id, purpose: "password_reset", token })
    : { status: "unknown" as const };

  return (
    <>
      <Breadcrumbs items={breadcrumbs.home(commune.slug, "Choisir un nouveau mot de passe")} />
      <h1>Choisir un nouveau mot de passe</h1>
      {status === "valid" ? (
        <ResetPasswordForm
          communeSlug={commune.slug}
          action={chooseNewPassword.bind(null, commune.slug)}
          token={token}
        />
      ) : (
        <div className="notice notice--error">
          <p>{status === "expired" ? RESET_LINK_EXPIRED : LINK_USED_OR_INVALID}</p>
          <p>
            <Link href={routes.forgotPassword(commune.slug)}>Demander un nouveau lien</Link>
          </p>
        </div>
      )}
    </>
  );
}

import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SecondFactorExit } from "@/components/accounts/second-factor-exit";
import { RecoveryCodeForm, TotpCodeForm } from "@/components/accounts/second-factor-forms";
import { Breadcrumbs } from "@/components/shell/breadcrumbs";
import { secondFactorStep } from "@/lib/auth/second-factor/step";
import { breadcrumbs } from "@/lib/routes/breadcrumbs";
import { logout } from "../actions";
import { verifyRecoveryCodeAction, verifySecondFactorAction } from "./actions";

export const metadata: Metadata = { title: "Double authentification" };

type Props = { params: Promise<{ commune: string }>; searchParams: Promise<{ retour?: string | string[] }> };

/** After the password, for staff with a second factor: the code of their app, or a recovery code. */
export default async function SecondFactorPage({ params, searchParams }: Props) {
  const step = await secondFactorStep((await params).commune, (await searchParams).retour, "verify");
  if ("redirectTo" in step) redirect(step.redirectTo);
  const { commune, retour } = step;
  return (
    <>
      <Breadcrumbs items={breadcrumbs.login(commune.slug, "Double authentification")} />
      <h1>Double authentification</h1>
      <p>
        Pour protéger les données des familles, saisissez le code affiché par votre application d&apos;authentification.
      </p>
      <TotpCodeForm action={verifySecondFactorAction.bind(null, commune.slug)} retour={retour} submitLabel="Vérifier" />
      <details className="card">
        <summary>Vous n&apos;avez pas votre téléphone ? Utiliser un code de secours</summary>
        <RecoveryCodeForm action={verifyRecoveryCodeAction.bind(null, commune.slug)} retour={retour} />
        <p>
          Plus de code de secours ? Demandez à un administrateur de votre commune de réinitialiser votre double
          authentification.
        </p>
      </details>
      <SecondFactorExit logout={logout.bind(null, commune.slug)} pending backTo={retour} />
    </>
  );
}

import type { Metadata } from "next";
import { redirect } from "next/navigation";
import QRCode from "qrcode";
import { SecondFactorExit } from "@/components/accounts/second-factor-exit";
import { TotpCodeForm } from "@/components/accounts/second-factor-forms";
import { Breadcrumbs } from "@/components/shell/breadcrumbs";
import { isSignedIn } from "@/lib/auth/second-factor/policy";
import { secondFactorStep } from "@/lib/auth/second-factor/step";
import { startEnrolment } from "@/lib/auth/second-factor/store";
import { totpUri } from "@/lib/auth/second-factor/totp";
import { getDb } from "@/lib/db";
import { breadcrumbs } from "@/lib/routes/breadcrumbs";
import { logout } from "../../actions";
import { confirmEnrolmentAction } from "../actions";

export const metadata: Metadata = { title: "Activer la double authentification" };

type Props = { params: Promise<{ commune: string }>; searchParams: Promise<{ retour?: string | string[] }> };

/** Enrolment: the QR code (and the key, for typing it in), then a first code; the recovery codes come after. */
export default async function EnrolmentPage({ params, searchParams }: Props) {
  const step = await secondFactorStep((await params).commune, (await searchParams).retour, "enrol");
  if ("redirectTo" in step) redirect(step.redirectTo);
  const { commune, session, retour } = step;
  const secret = await startEnrolment(await getDb(), { communeId: commune.id, userId: session.user.id });
  if (!secret) redirect(retour);
  const uri = totpUri({ secret, issuer: `Portail Famille – ${commune.name}`, account: session.user.email });
  // Rendered here as an SVG image: no script, and the CSP allows data: images.
  const qr = await QRCode.toString(uri, { type: "svg", margin: 1, errorCorrectionLevel: "M" });
  const pending = !isSignedIn(session.secondFactor);
  return (
    <>
      <Breadcrumbs items={breadcrumbs.home(commune.slug, "Activer la double authentification")} />
      <h1>Activer la double authentification</h1>
      <p>
        {pending
          ? "Votre compte donne accès aux données des familles : il est protégé par un code à usage unique en plus du mot de passe. "
          : null}
        Vous aurez besoin d&apos;une application d&apos;authentification sur votre téléphone (par exemple FreeOTP,
        Google Authenticator ou Microsoft Authenticator).
      </p>
      <ol>
        <li>
          <p>Dans l&apos;application, ajoutez un compte en scannant ce QR code :</p>
          <img
            className="qr-code"
            src={`data:image/svg+xml;base64,${Buffer.from(qr).toString("base64")}`}
            alt="QR code à scanner avec votre application d'authentification"
          />
          <p>
            Ou saisissez cette clé à la main (type « basé sur l&apos;heure ») :{" "}
            <code className="code">{secret.match(/.{1,4}/g)!.join(" ")}</code>
          </p>
        </li>
        <li>
          <p>Saisissez ci-dessous le code à 6 chiffres que l&apos;application affiche pour « Portail Famille ».</p>
        </li>
      </ol>
      <TotpCodeForm
        action={confirmEnrolmentAction.bind(null, commune.slug)}
        retour={retour}
        submitLabel="Activer la double authentification"
      />
      <SecondFactorExit logout={logout.bind(null, commune.slug)} pending={pending} backTo={retour} />
    </>
  );
}

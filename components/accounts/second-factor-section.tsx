import { formatDateTime } from "@/lib/format";
import { routes } from "@/lib/routes/paths";

type Summary = { confirmedAt: Date; recoveryCodesLeft: number } | null;

/** Sécurité page, staff only: whether the second factor is on, its recovery codes left, or the way to turn it on. */
export function SecondFactorSection({ slug, summary }: { slug: string; summary: Summary }) {
  return (
    <section aria-labelledby="double-authentification">
      <h2 id="double-authentification">Double authentification</h2>
      {summary ? (
        <>
          <p>
            Activée le {formatDateTime(summary.confirmedAt)} : à chaque connexion, le code de votre application
            d&apos;authentification vous est demandé après le mot de passe. Codes de secours restants :{" "}
            {summary.recoveryCodesLeft}.
          </p>
          <p>
            Téléphone perdu et plus de code de secours ? Un administrateur de votre commune peut réinitialiser votre
            double authentification.
          </p>
        </>
      ) : (
        <>
          <p>
            Non activée. Votre compte donne accès aux données des familles : protégez-le par un code à usage unique,
            demandé à chaque connexion en plus du mot de passe.
          </p>
          <p>
            {/* A plain link: no prefetch of a page that starts an enrolment when rendered. */}
            <a className="button" href={routes.secondFactorEnrolment(slug, routes.citizen.security(slug))}>
              Activer la double authentification
            </a>
          </p>
        </>
      )}
    </section>
  );
}

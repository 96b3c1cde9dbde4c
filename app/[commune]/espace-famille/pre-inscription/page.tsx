import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { Breadcrumbs } from "@/components/shell/breadcrumbs";
import { Link } from "@/components/ui/link";
import { requireUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { formatDateTime } from "@/lib/format";
import { nextStep } from "@/lib/new-family/schemas";
import { hasSubscription, latestPreRegistration, loadDraft } from "@/lib/new-family/store";
import { breadcrumbs } from "@/lib/routes/breadcrumbs";
import { routes } from "@/lib/routes/paths";

type Props = { params: Promise<{ commune: string }> };

export const metadata: Metadata = { title: "Pré-inscription d'une nouvelle famille" };

/** The new family's starting point: start or resume the wizard, or follow the request sent. */
export default async function PreRegistrationPage({ params }: Props) {
  const { commune: slug } = await params;
  const { commune, user } = await requireUser(slug, {
    roles: ["family"],
    returnTo: routes.family.preRegistration(slug),
  });
  const db = await getDb();
  const scope = { communeId: commune.id, userId: user.id };
  if (await hasSubscription(db, scope)) redirect(routes.family.space(slug));
  const [latest, draft] = await Promise.all([latestPreRegistration(db, scope), loadDraft(db, scope)]);
  const started = Boolean(draft.family);

  return (
    <>
      <Breadcrumbs items={breadcrumbs.preRegistration(slug)} />
      <h1>Pré-inscription d&apos;une nouvelle famille</h1>
      {latest?.status === "pending" ? (
        <section aria-labelledby="demande-envoyee">
          <h2 id="demande-envoyee">Demande transmise</h2>
          <p className="notice notice--success" role="status">
            Votre demande {latest.reference} a été transmise à la commune.
          </p>
          <p>
            Envoyée le {formatDateTime(latest.createdAt)}. Dès qu&apos;elle l&apos;aura acceptée, la commune créera
            votre dossier famille et votre compte y sera relié : vous le retrouverez dans votre Espace famille.
          </p>
          <p>
            <Link href={routes.citizen.request(slug, latest.id)}>Suivre ma demande {latest.reference}</Link> dans Mes
            demandes.
          </p>
        </section>
      ) : (
        <>
          {latest?.status === "refused" ? (
            <div className="notice notice--error">
              <p>
                Votre demande {latest.reference} a été refusée
                {latest.decidedAt ? ` le ${formatDateTime(latest.decidedAt)}` : ""}.
              </p>
              {latest.decisionMessage ? <p>Message de la commune : « {latest.decisionMessage} »</p> : null}
            </div>
          ) : null}
          <p>
            Vous n&apos;avez pas de code abonné : renseignez votre famille en 4 étapes (Ma famille, Mes informations
            financières, Mes pré-inscriptions et réservations, Confirmation). Chaque étape est enregistrée : vous pouvez
            vous arrêter et reprendre plus tard. La commune étudie ensuite votre demande et crée votre dossier famille.
          </p>
          <p className="button-row">
            <Link className="button" href={routes.family.preRegistration(slug, nextStep(draft))}>
              {started ? "Reprendre ma pré-inscription" : "Commencer ma pré-inscription"}
            </Link>
          </p>
        </>
      )}
    </>
  );
}

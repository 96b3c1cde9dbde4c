import { Link } from "@/components/ui/link";
import type { Commune } from "@/db/schema";
import { routes } from "@/lib/routes/paths";

/**
 * Espace famille and Espace facturation open once the account is subscribed to a household:
 * until then, how to get a code abonné and where to use it.
 */
export function NoSubscriptionNotice({ commune, canSubscribe }: { commune: Commune; canSubscribe: boolean }) {
  return (
    <section aria-labelledby="sans-abonnement">
      <h2 id="sans-abonnement">Votre compte n&apos;est relié à aucun dossier famille</h2>
      <p>
        Pour accéder à cet espace, abonnez-vous à votre dossier famille avec le <strong>code abonné</strong> transmis
        par votre collectivité, ou avec les références d&apos;une de vos factures.
      </p>
      {canSubscribe ? (
        <p className="button-row">
          <Link className="button" href={routes.citizen.subscribe(commune.slug)}>
            M&apos;abonner
          </Link>
        </p>
      ) : null}
      <h3>Vous n&apos;avez pas de code abonné ?</h3>
      <p>Demandez-le à votre commune :</p>
      <ul>
        <li>
          <strong>{commune.serviceSignature}</strong>, {commune.name}
        </li>
        <li>
          par e-mail : <a href={`mailto:${commune.contactEmail}`}>{commune.contactEmail}</a>
        </li>
        {commune.contactPhone ? <li>par téléphone : {commune.contactPhone}</li> : null}
        {commune.contactAddress ? <li>à l&apos;accueil : {commune.contactAddress}</li> : null}
      </ul>
      <h3>Vous êtes une nouvelle famille ?</h3>
      {canSubscribe ? (
        <p>
          <Link href={routes.family.preRegistration(commune.slug)}>
            Je n&apos;ai pas de code abonné : pré-inscrire ma famille
          </Link>
        </p>
      ) : null}
    </section>
  );
}

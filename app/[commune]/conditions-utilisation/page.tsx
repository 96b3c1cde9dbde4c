import type { Metadata } from "next";
import { Breadcrumbs } from "@/components/shell/breadcrumbs";
import { requireCommune } from "@/lib/auth/session";
import { breadcrumbs } from "@/lib/routes/breadcrumbs";

export const metadata: Metadata = { title: "Conditions d'utilisation" };

type Props = { params: Promise<{ commune: string }> };

/** Terms of use and personal-data notice, accepted when creating an account. */
export default async function TermsPage({ params }: Props) {
  const commune = await requireCommune((await params).commune);
  return (
    <>
      <Breadcrumbs items={breadcrumbs.home(commune.slug, "Conditions d'utilisation")} />
      <h1>Conditions d&apos;utilisation</h1>

      <h2>1. Objet du service</h2>
      <p>
        Le Portail Famille de {commune.name} permet aux familles de créer un compte, de consulter et mettre à jour leur
        dossier famille, d&apos;inscrire leurs enfants aux activités proposées par la commune (restauration scolaire,
        accueil périscolaire, centre de loisirs…), de consulter et régler leurs factures. Le service est gratuit.
      </p>

      <h2>2. Votre compte</h2>
      <p>
        Le compte est personnel. Vous vous engagez à fournir des informations exactes, à garder votre mot de passe
        secret et à nous signaler sans délai toute utilisation de votre compte que vous n&apos;auriez pas autorisée.
        Votre adresse e-mail sert d&apos;identifiant : elle doit être confirmée dans les 24 heures qui suivent la
        création du compte.
      </p>
      <p>
        Le code abonné Famille, transmis par la commune, relie votre compte au dossier de votre famille. Ne le
        communiquez qu&apos;aux personnes autorisées à gérer ce dossier.
      </p>

      <h2>3. Utilisation du service</h2>
      <p>
        Les demandes faites sur le portail (inscriptions, réservations, modifications du dossier) sont soumises à la
        validation des services municipaux, qui peuvent les refuser ou vous demander des justificatifs. Toute
        utilisation frauduleuse ou abusive peut entraîner la suspension du compte.
      </p>
      <p>
        La commune s&apos;efforce d&apos;assurer l&apos;accès au portail en permanence, mais peut l&apos;interrompre
        pour maintenance ou en cas d&apos;incident, sans que sa responsabilité puisse être engagée.
      </p>

      <h2>4. Vos données personnelles</h2>
      <p>
        Les données saisies sur ce portail sont traitées par la commune de {commune.name}, responsable du traitement,
        pour la gestion des services à l&apos;enfance, de leur facturation et de la relation avec les familles. Ce
        traitement repose sur l&apos;exécution d&apos;une mission d&apos;intérêt public (article 6-1-e du Règlement
        général sur la protection des données).
      </p>
      <p>
        Elles sont destinées aux seuls services municipaux concernés et, pour le paiement, au Trésor public. Elles ne
        sont ni vendues ni utilisées à des fins commerciales. Elles sont conservées pendant la durée d&apos;utilisation
        des services, puis selon les durées légales d&apos;archivage des documents comptables.
      </p>
      <p>
        Le portail n&apos;utilise pas de cookie publicitaire ni de mesure d&apos;audience : seul un cookie de session,
        indispensable à la connexion, est déposé. La vérification « Je ne suis pas un robot » est réalisée par le
        portail lui-même, sans service tiers ni cookie.
      </p>
      <p>
        Vous disposez d&apos;un droit d&apos;accès, de rectification, d&apos;effacement et de limitation du traitement
        de vos données, ainsi que du droit de vous opposer à leur traitement. Pour les exercer, écrivez à{" "}
        <a href={`mailto:${commune.contactEmail}`}>{commune.contactEmail}</a>
        {commune.contactAddress ? ` ou à l'adresse suivante : ${commune.contactAddress}` : ""}. Si vous estimez que vos
        droits ne sont pas respectés, vous pouvez adresser une réclamation à la CNIL (www.cnil.fr).
      </p>

      <h2>5. Modification des conditions</h2>
      <p>La commune peut faire évoluer ces conditions. La version en vigueur est celle publiée sur cette page.</p>
    </>
  );
}

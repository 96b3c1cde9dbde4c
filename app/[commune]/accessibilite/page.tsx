import type { Metadata } from "next";
import { Breadcrumbs } from "@/components/shell/breadcrumbs";
import { requireCommune } from "@/lib/auth/session";
import { breadcrumbs } from "@/lib/routes/breadcrumbs";

type Props = { params: Promise<{ commune: string }> };

export const metadata: Metadata = { title: "Déclaration d'accessibilité" };

/** The RGAA 4.1 accessibility statement, with the commune's own contact for feedback. */
export default async function AccessibilityStatementPage({ params }: Props) {
  const { commune: slug } = await params;
  const commune = await requireCommune(slug);
  return (
    <div className="page-narrow">
      <Breadcrumbs items={breadcrumbs.home(slug, "Accessibilité")} />
      <h1>Déclaration d&apos;accessibilité</h1>
      <p>
        {commune.name} s&apos;engage à rendre ses services numériques accessibles, conformément à l&apos;article 47 de
        la loi n° 2005-102 du 11 février 2005.
      </p>
      <p>Cette déclaration d&apos;accessibilité s&apos;applique au Portail Famille de {commune.name}.</p>

      <h2>État de conformité</h2>
      <p>
        Le Portail Famille de {commune.name} est <strong>partiellement conforme</strong> avec le référentiel général
        d&apos;amélioration de l&apos;accessibilité (RGAA), version 4.1, en raison des non-conformités et des
        dérogations énumérées ci-dessous.
      </p>
      <p>
        Le portail a été conçu pour respecter le niveau AA des WCAG 2.1 et est vérifié par des tests automatisés à
        chaque évolution du portail ; un audit complet de conformité n&apos;a pas encore été réalisé. Cette déclaration
        sera mise à jour à l&apos;issue de cet audit.
      </p>

      <h2>Contenus non accessibles</h2>
      <h3>Non-conformités</h3>
      <p>
        En l&apos;absence d&apos;audit complet, les non-conformités ne sont pas encore recensées de manière exhaustive.
      </p>
      <h3>Dérogations pour charge disproportionnée</h3>
      <p>Aucune.</p>
      <h3>Contenus non soumis à l&apos;obligation d&apos;accessibilité</h3>
      <ul>
        <li>
          Les documents transmis par les familles (justificatifs, pièces jointes), qui ne sont pas produits par la
          commune.
        </li>
      </ul>

      <h2>Établissement de cette déclaration d&apos;accessibilité</h2>
      <p>Cette déclaration a été établie le 24 novembre 2026.</p>
      <h3>Technologies utilisées pour la réalisation du site</h3>
      <ul>
        <li>HTML5</li>
        <li>CSS</li>
        <li>JavaScript</li>
      </ul>
      <h3>Environnement de test</h3>
      <p>Les vérifications automatisées sont réalisées avec le navigateur Chromium et l&apos;outil axe-core.</p>
      <h3>Pages du site ayant fait l&apos;objet de la vérification</h3>
      <ul>
        <li>Accueil</li>
        <li>Mon espace citoyen et Mes abonnements</li>
        <li>M&apos;abonner</li>
        <li>Espace famille</li>
        <li>Espace facturation</li>
        <li>Déclaration d&apos;accessibilité</li>
      </ul>

      <h2>Retour d&apos;information et contact</h2>
      <p>
        Si vous n&apos;arrivez pas à accéder à un contenu ou à un service, vous pouvez contacter{" "}
        {commune.serviceSignature.charAt(0).toLowerCase() + commune.serviceSignature.slice(1)} de {commune.name} pour
        être orienté vers une alternative accessible ou obtenir le contenu sous une autre forme :
      </p>
      <ul>
        <li>
          par e-mail : <a href={`mailto:${commune.contactEmail}`}>{commune.contactEmail}</a>
        </li>
        {commune.contactPhone ? <li>par téléphone : {commune.contactPhone}</li> : null}
        {commune.contactAddress ? <li>par courrier : {commune.contactAddress}</li> : null}
      </ul>

      <h2>Voies de recours</h2>
      <p>
        Si vous constatez un défaut d&apos;accessibilité vous empêchant d&apos;accéder à un contenu ou à une
        fonctionnalité du site, que vous nous le signalez et que vous ne parvenez pas à obtenir de réponse de notre
        part, vous êtes en droit de faire parvenir vos doléances ou une demande de saisine au Défenseur des droits.
      </p>
      <p>Plusieurs moyens sont à votre disposition :</p>
      <ul>
        <li>
          écrire un message au Défenseur des droits au moyen du formulaire en ligne :{" "}
          <a href="https://formulaire.defenseurdesdroits.fr/">formulaire.defenseurdesdroits.fr</a> ;
        </li>
        <li>
          contacter le délégué du Défenseur des droits dans votre région :{" "}
          <a href="https://www.defenseurdesdroits.fr/carte-des-delegues">
            www.defenseurdesdroits.fr/carte-des-delegues
          </a>{" "}
          ;
        </li>
        <li>appeler le 09 69 39 00 00 ;</li>
        <li>
          envoyer un courrier par la poste (gratuit, ne pas mettre de timbre) : Défenseur des droits, Libre réponse
          71120, 75342 Paris CEDEX 07.
        </li>
      </ul>
    </div>
  );
}

import type { Metadata } from "next";
import { Breadcrumbs } from "@/components/shell/breadcrumbs";
import { Link } from "@/components/ui/link";
import { requireUser, staffRoles } from "@/lib/auth/session";
import { breadcrumbs } from "@/lib/routes/breadcrumbs";
import { routes } from "@/lib/routes/paths";

type Props = { params: Promise<{ commune: string }> };

export const metadata: Metadata = { title: "Espace agent" };

export default async function AgentHomePage({ params }: Props) {
  const { commune: slug } = await params;
  const { commune, user } = await requireUser(slug, { roles: staffRoles, returnTo: routes.agent.space(slug) });
  return (
    <>
      <Breadcrumbs items={breadcrumbs.agentSpace(slug)} />
      <h1>Espace agent</h1>
      <p>Gestion des dossiers famille de {commune.name}.</p>
      <ul className="tiles">
        <li>
          <Link className="tile" href={routes.agent.households(slug)}>
            <span className="tile__title">Familles</span>
            <span className="tile__text">Rechercher un dossier famille, consulter ses membres et son code abonné.</span>
          </Link>
        </li>
        <li>
          <Link className="tile" href={routes.agent.requests(slug)}>
            <span className="tile__title">Demandes</span>
            <span className="tile__text">
              Accepter ou refuser les modifications demandées sur les dossiers famille, envoyer un message.
            </span>
          </Link>
        </li>
        <li>
          <Link className="tile" href={routes.agent.documentQueue(slug)}>
            <span className="tile__title">Pièces justificatives</span>
            <span className="tile__text">
              Vérifier les pièces déposées par les familles, les valider ou les refuser ; paramétrer les pièces
              demandées.
            </span>
          </Link>
        </li>
        <li>
          <Link className="tile" href={routes.agent.bookings(slug)}>
            <span className="tile__title">Réservations et absences</span>
            <span className="tile__text">
              Accepter ou refuser les demandes des familles jour par jour, voir les places et la liste d&apos;attente.
            </span>
          </Link>
        </li>
        <li>
          <Link className="tile" href={routes.agent.nursery(slug)}>
            <span className="tile__title">Petite enfance</span>
            <span className="tile__text">
              Pré-inscriptions en crèche : les demandes, la commission qui propose les places, les structures.
            </span>
          </Link>
        </li>
        <li>
          <Link className="tile" href={routes.agent.activities(slug)}>
            <span className="tile__title">Activités</span>
            <span className="tile__text">
              Jours, horaires, places et délais des activités, jours de fermeture et inscriptions des enfants.
            </span>
          </Link>
        </li>
        <li>
          <Link className="tile" href={routes.agent.billing(slug)}>
            <span className="tile__title">Facturation</span>
            <span className="tile__text">
              Émettre les factures du mois, enregistrer les règlements, paramétrer les régies et les tarifs, exporter.
            </span>
          </Link>
        </li>
        {user.role === "admin" ? (
          <li>
            <Link className="tile" href={routes.agent.journal(slug)}>
              <span className="tile__title">Journal des actions</span>
              <span className="tile__text">
                Consulter qui a fait quoi et quand : décisions, modifications, consultations de données de santé.
              </span>
            </Link>
          </li>
        ) : null}
        {user.role === "admin" ? (
          <li>
            <Link className="tile" href={routes.agent.staffAccounts(slug)}>
              <span className="tile__title">Comptes agents</span>
              <span className="tile__text">Créer, inviter, désactiver ou réactiver les comptes des agents.</span>
            </Link>
          </li>
        ) : null}
        {user.role === "admin" ? (
          <li>
            <Link className="tile" href={routes.agent.communeSettings(slug)}>
              <span className="tile__title">Identité de la commune</span>
              <span className="tile__text">
                Logo, couleur, expéditeur et horaires affichés sur le portail et dans les e-mails.
              </span>
            </Link>
          </li>
        ) : null}
      </ul>
    </>
  );
}

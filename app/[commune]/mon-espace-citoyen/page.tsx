import type { Metadata } from "next";
import { Breadcrumbs } from "@/components/shell/breadcrumbs";
import { Link } from "@/components/ui/link";
import { requireUser } from "@/lib/auth/session";
import { breadcrumbs } from "@/lib/routes/breadcrumbs";
import { routes } from "@/lib/routes/paths";
import { civilityLabels } from "@/lib/validation/fields";

type Props = { params: Promise<{ commune: string }> };

export const metadata: Metadata = { title: "Mon espace citoyen" };

/** The account's own information and the ways to manage it. */
export default async function CitizenSpacePage({ params }: Props) {
  const { commune: slug } = await params;
  const { user } = await requireUser(slug, { returnTo: routes.citizen.space(slug) });
  return (
    <>
      <Breadcrumbs items={breadcrumbs.citizenSpace(slug)} />
      <h1>Mon espace citoyen</h1>
      <section className="card" aria-labelledby="mes-informations">
        <h2 id="mes-informations">Mes informations</h2>
        <dl className="facts">
          <dt>Civilité</dt>
          <dd>{civilityLabels[user.civility]}</dd>
          <dt>Nom</dt>
          <dd>{user.lastName}</dd>
          <dt>Prénom</dt>
          <dd>{user.firstName}</dd>
          <dt>Adresse e-mail</dt>
          <dd>{user.email}</dd>
        </dl>
      </section>
      <ul className="tiles">
        <li>
          <Link className="tile" href={routes.citizen.subscriptions(slug)}>
            <span className="tile__title">Mes abonnements</span>
            <span className="tile__text">Les dossiers famille liés à votre compte.</span>
          </Link>
        </li>
        <li>
          <Link className="tile" href={routes.citizen.requests(slug)}>
            <span className="tile__title">Mes demandes</span>
            <span className="tile__text">Vos demandes à la collectivité et leur suivi.</span>
          </Link>
        </li>
        <li>
          <Link className="tile" href={routes.citizen.changePassword(slug)}>
            <span className="tile__title">Changer mon mot de passe</span>
            <span className="tile__text">Choisir un nouveau mot de passe.</span>
          </Link>
        </li>
        <li>
          <Link className="tile" href={routes.citizen.security(slug)}>
            <span className="tile__title">Sécurité</span>
            <span className="tile__text">Vos sessions ouvertes, et se déconnecter de tous vos appareils.</span>
          </Link>
        </li>
      </ul>
    </>
  );
}

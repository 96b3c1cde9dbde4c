import { Link } from "@/components/ui/link";
import { currentVisitor } from "@/lib/auth/session";
import { routes } from "@/lib/routes/paths";

type Props = { params: Promise<{ commune: string }> };

/** Accueil: the entry points of the guides, and the way in for a visitor. */
export default async function CommuneHome({ params }: Props) {
  const { commune, user } = await currentVisitor((await params).commune);
  return (
    <>
      <h1>Bienvenue sur le Portail Famille de {commune.name}</h1>
      {user ? (
        <p>Bonjour {user.firstName}, retrouvez ci-dessous les services de votre commune.</p>
      ) : (
        <div className="notice">
          <p>
            Pour accéder à votre espace, <Link href={routes.login(commune.slug)}>connectez-vous</Link> ou{" "}
            <Link href={routes.signUp(commune.slug)}>créez un compte</Link>.
          </p>
        </div>
      )}
      <ul className="tiles">
        <li>
          <Link className="tile" href={routes.citizen.space(commune.slug)}>
            <span className="tile__title">Mon espace citoyen</span>
            <span className="tile__text">Mes informations, mes abonnements, mon mot de passe.</span>
          </Link>
        </li>
        <li>
          <Link className="tile" href={routes.family.space(commune.slug)}>
            <span className="tile__title">Espace famille</span>
            <span className="tile__text">Dossier famille, planning des activités, mes demandes.</span>
          </Link>
        </li>
        <li>
          <Link className="tile" href={routes.billing(commune.slug)}>
            <span className="tile__title">Espace facturation</span>
            <span className="tile__text">Mes factures et mes règlements.</span>
          </Link>
        </li>
      </ul>
    </>
  );
}

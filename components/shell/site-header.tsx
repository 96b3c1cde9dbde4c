import Link from "next/link";
import type { Commune } from "@/db/schema";
import type { SessionUser } from "@/lib/auth/session";
import { routes } from "@/lib/routes/paths";
import { civilityLabels } from "@/lib/validation/fields";
import { MainNav, type NavItem } from "./main-nav";

export function SiteHeader({
  commune,
  user,
  logout,
}: {
  commune: Commune;
  user: SessionUser | null;
  /** The commune's logout, bound by the layout. */
  logout: () => Promise<void>;
}) {
  const slug = commune.slug;
  const items: NavItem[] = [
    { href: routes.home(slug), label: "Accueil" },
    { href: routes.citizen.space(slug), label: "Mon espace citoyen" },
    { href: routes.family.space(slug), label: "Espace famille" },
    { href: routes.billing(slug), label: "Espace facturation" },
  ];
  if (user && user.role !== "family") items.push({ href: routes.agent.space(slug), label: "Espace agent" });

  return (
    <header className="site-header">
      <a className="skip-link" href="#contenu">
        Aller au contenu
      </a>
      <div className="container site-header__top">
        <Link href={routes.home(slug)} className="brand">
          <span className="brand__commune">{commune.name}</span>
          <span className="brand__product">Portail Famille</span>
        </Link>
        <div className="account-box">
          {user ? (
            <>
              <span className="account-box__name">
                {civilityLabels[user.civility]} {user.firstName} {user.lastName}
              </span>
              <form action={logout}>
                <button type="submit" className="button button--secondary button--small">
                  Se déconnecter
                </button>
              </form>
            </>
          ) : (
            <>
              <Link className="button button--small" href={routes.login(slug)}>
                Se connecter
              </Link>
              <Link className="button button--secondary button--small" href={routes.signUp(slug)}>
                Créer un compte
              </Link>
            </>
          )}
        </div>
      </div>
      <MainNav items={items} />
    </header>
  );
}

import type { CSSProperties } from "react";
import { Link } from "@/components/ui/link";
import type { Commune } from "@/db/schema";
import type { SessionUser } from "@/lib/auth/session";
import { darken } from "@/lib/communes/brand-color";
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

  // The commune's colour (AA against white, checked when set) in place of the portal's, for the header's pieces.
  const brand = commune.brandColor
    ? ({ "--color-primary": commune.brandColor, "--color-primary-dark": darken(commune.brandColor) } as CSSProperties)
    : undefined;

  return (
    <header className="site-header" style={brand}>
      <a className="skip-link" href="#contenu">
        Aller au contenu
      </a>
      <div className="container site-header__top">
        <Link href={routes.home(slug)} className="brand">
          {commune.logoUpdatedAt ? (
            // Decorative: the link names the commune in text next to it.
            <img className="brand__logo" src={routes.communeLogo(slug, commune.logoUpdatedAt)} alt="" height={48} />
          ) : null}
          <span className="brand__text">
            <span className="brand__commune">{commune.name}</span>
            <span className="brand__product">Portail Famille</span>
          </span>
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

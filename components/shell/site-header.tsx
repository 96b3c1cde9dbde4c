import Link from "next/link";
import type { Commune } from "@/db/schema";
import type { SessionUser } from "@/lib/auth/session";
import { civilityLabels } from "@/lib/validation/fields";
import { logout } from "./logout";
import { MainNav, type NavItem } from "./main-nav";

export function SiteHeader({ commune, user }: { commune: Commune; user: SessionUser | null }) {
  const base = `/${commune.slug}`;
  const items: NavItem[] = [
    { href: base, label: "Accueil" },
    { href: `${base}/mon-espace-citoyen`, label: "Mon espace citoyen" },
    { href: `${base}/espace-famille`, label: "Espace famille" },
    { href: `${base}/espace-facturation`, label: "Espace facturation" },
  ];
  if (user && user.role !== "family") items.push({ href: `${base}/agent`, label: "Espace agent" });

  return (
    <header className="site-header">
      <a className="skip-link" href="#contenu">
        Aller au contenu
      </a>
      <div className="container site-header__top">
        <Link href={base} className="brand">
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
                <input type="hidden" name="commune" value={commune.slug} />
                <button type="submit" className="button button--secondary button--small">
                  Se déconnecter
                </button>
              </form>
            </>
          ) : (
            <>
              <Link className="button button--small" href={`${base}/connexion`}>
                Se connecter
              </Link>
              <Link className="button button--secondary button--small" href={`${base}/creer-un-compte`}>
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

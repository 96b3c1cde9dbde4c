import type { Metadata } from "next";
import type { ReactNode } from "react";
import { SiteFooter } from "@/components/shell/site-footer";
import { SiteHeader } from "@/components/shell/site-header";
import { currentVisitor } from "@/lib/auth/session";
import { logout } from "./actions";

type Props = { children: ReactNode; params: Promise<{ commune: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { commune } = await currentVisitor((await params).commune);
  return { title: { default: `Portail Famille – ${commune.name}`, template: `%s – ${commune.name}` } };
}

export default async function CommuneLayout({ children, params }: Props) {
  const { commune, user } = await currentVisitor((await params).commune);
  return (
    <div className="site">
      <SiteHeader commune={commune} user={user} logout={logout.bind(null, commune.slug)} />
      <main id="contenu" className="container site-main" tabIndex={-1}>
        {children}
      </main>
      <SiteFooter commune={commune} />
    </div>
  );
}

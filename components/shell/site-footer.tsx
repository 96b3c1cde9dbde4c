import { Link } from "@/components/ui/link";
import type { Commune } from "@/db/schema";
import { routes } from "@/lib/routes/paths";

export function SiteFooter({ commune }: { commune: Commune }) {
  return (
    <footer className="site-footer">
      <div className="container site-footer__inner">
        <div>
          <p className="site-footer__title">{commune.name}</p>
          <p>{commune.serviceSignature}</p>
          {commune.contactAddress ? <p>{commune.contactAddress}</p> : null}
          <p>
            <a href={`mailto:${commune.contactEmail}`}>{commune.contactEmail}</a>
            {commune.contactPhone ? ` · ${commune.contactPhone}` : null}
          </p>
        </div>
        <ul className="site-footer__links">
          <li>
            <Link href={routes.accessibility(commune.slug)}>Accessibilité : partiellement conforme</Link>
          </li>
          <li>
            <Link href={routes.terms(commune.slug)}>Conditions d&apos;utilisation</Link>
          </li>
        </ul>
      </div>
    </footer>
  );
}

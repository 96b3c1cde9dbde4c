import { redirect } from "next/navigation";
import { Link } from "@/components/ui/link";
import { listCommunes } from "@/lib/communes";
import { getDb } from "@/lib/db";
import { routes } from "@/lib/routes/paths";

export const dynamic = "force-dynamic";

/** Lists the towns served by this deployment, or goes straight to the only one. */
export default async function CommunesPage() {
  const communes = await listCommunes(await getDb());
  if (communes.length === 1) redirect(routes.home(communes[0]!.slug));
  return (
    <main id="contenu" className="container page-narrow">
      <h1>Portail Famille</h1>
      <p>Choisissez votre commune pour accéder à son portail.</p>
      {communes.length === 0 ? (
        <p>Aucune commune n&apos;est encore configurée.</p>
      ) : (
        <ul className="card-list">
          {communes.map((commune) => (
            <li key={commune.slug}>
              <Link className="card card--link" href={routes.home(commune.slug)}>
                {commune.name}
              </Link>
            </li>
          ))}
        </ul>
      )}
    </main>
  );
}

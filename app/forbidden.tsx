import { Link } from "@/components/ui/link";
import { routes } from "@/lib/routes/paths";

export default function Forbidden() {
  return (
    <main id="contenu" className="container page-narrow">
      <h1>Accès refusé</h1>
      <p>Votre compte n&apos;a pas accès à cette page.</p>
      <p>
        <Link href={routes.communes()}>Retour à l&apos;accueil</Link>
      </p>
    </main>
  );
}

import { Link } from "@/components/ui/link";
import { routes } from "@/lib/routes/paths";

export default function NotFound() {
  return (
    <main id="contenu" className="container page-narrow">
      <h1>Page introuvable</h1>
      <p>La page demandée n&apos;existe pas ou n&apos;est plus disponible.</p>
      <p>
        <Link href={routes.communes()}>Retour à l&apos;accueil</Link>
      </p>
    </main>
  );
}

import Link from "next/link";

export default function Forbidden() {
  return (
    <main id="contenu" className="container page-narrow">
      <h1>Accès refusé</h1>
      <p>Votre compte n&apos;a pas accès à cette page.</p>
      <p>
        <Link href="/">Retour à l&apos;accueil</Link>
      </p>
    </main>
  );
}

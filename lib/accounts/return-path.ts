import { routes } from "@/lib/routes/paths";

/**
 * The `?retour=` page if it is a relative path inside this commune, else null: never another site
 * (`//evil.fr`, `https://…`, `/\evil.fr`) nor another commune.
 */
export function safeReturnPath(communeSlug: string, retour: string | undefined): string | null {
  const inCommune = `${routes.home(communeSlug)}/`;
  if (!retour?.startsWith(inCommune)) return null;
  if (retour.includes("//") || retour.includes("\\") || /\p{Cc}/u.test(retour)) return null;
  const base = "http://portail.invalid";
  const url = new URL(retour, base);
  if (url.origin !== base || !url.pathname.startsWith(inCommune)) return null;
  return `${url.pathname}${url.search}`;
}

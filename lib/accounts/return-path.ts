import type { Role } from "@/db/schema";

/** Where an account lands after logging in when it was not sent back somewhere. */
export function landingPath(communeSlug: string, role: Role): string {
  return role === "family" ? `/${communeSlug}/mon-espace-citoyen` : `/${communeSlug}/agent`;
}

/**
 * The `?retour=` page if it is a relative path inside this commune, else null: never another site
 * (`//evil.fr`, `https://…`, `/\evil.fr`) nor another commune.
 */
export function safeReturnPath(communeSlug: string, retour: string | undefined): string | null {
  if (!retour?.startsWith(`/${communeSlug}/`)) return null;
  if (retour.includes("//") || retour.includes("\\") || /\p{Cc}/u.test(retour)) return null;
  const base = "http://portail.invalid";
  const url = new URL(retour, base);
  if (url.origin !== base || !url.pathname.startsWith(`/${communeSlug}/`)) return null;
  return `${url.pathname}${url.search}`;
}

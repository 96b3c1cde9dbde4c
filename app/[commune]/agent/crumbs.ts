import type { Crumb } from "@/components/shell/breadcrumbs";

/** "Accueil / Espace agent / …" for every page of the agent area. */
export function agentCrumbs(slug: string, ...rest: Crumb[]): Crumb[] {
  return [{ label: "Accueil", href: `/${slug}` }, { label: "Espace agent", href: `/${slug}/agent` }, ...rest];
}

import { planningPath } from "@/components/planning/calendar-view";
import type { Crumb } from "@/components/shell/breadcrumbs";

/** "Accueil / Espace famille / Planning / …", the trail of the planning's pages (guide 003 §3.1.2). */
export function planningCrumbs(slug: string, current: string): Crumb[] {
  return [
    { label: "Accueil", href: `/${slug}` },
    { label: "Espace famille", href: `/${slug}/espace-famille` },
    { label: "Planning", href: planningPath(slug) },
    { label: current },
  ];
}

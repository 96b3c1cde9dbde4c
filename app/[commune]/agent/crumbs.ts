import type { Crumb } from "@/components/shell/breadcrumbs";

/** "Accueil / Espace agent / …" for every page of the agent area. */
export function agentCrumbs(slug: string, ...rest: Crumb[]): Crumb[] {
  return [{ label: "Accueil", href: `/${slug}` }, { label: "Espace agent", href: `/${slug}/agent` }, ...rest];
}

/** The "Activités" step of the activities pages' trail. */
export function activitiesCrumb(slug: string): Crumb {
  return { label: "Activités", href: `/${slug}/agent/activites` };
}

/** The "Réservations et absences" step of the bookings inbox's trail. */
export function bookingsCrumb(slug: string): Crumb {
  return { label: "Réservations et absences", href: `/${slug}/agent/reservations` };
}

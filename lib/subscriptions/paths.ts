/** Mes abonnements, optionally telling it which subscription just succeeded (it shows the notice). */
export function subscriptionsPath(
  slug: string,
  justSubscribed?: { householdId: string; alreadySubscribed: boolean },
): string {
  const path = `/${slug}/mon-espace-citoyen/abonnements`;
  if (!justSubscribed) return path;
  const query = new URLSearchParams({ abonnement: justSubscribed.householdId });
  if (justSubscribed.alreadySubscribed) query.set("deja", "1");
  return `${path}?${query}`;
}

export const subscribePath = (slug: string) => `/${slug}/mon-espace-citoyen/abonnements/m-abonner`;

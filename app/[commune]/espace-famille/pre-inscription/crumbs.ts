import { NEW_FAMILY_STEPS, type NewFamilyStepSlug } from "@/lib/new-family/schemas";

export function wizardCrumbs(slug: string, step?: NewFamilyStepSlug) {
  const base = [
    { label: "Accueil", href: `/${slug}` },
    { label: "Espace famille", href: `/${slug}/espace-famille` },
  ];
  if (!step) return [...base, { label: "Pré-inscription" }];
  return [
    ...base,
    { label: "Pré-inscription", href: `/${slug}/espace-famille/pre-inscription` },
    { label: NEW_FAMILY_STEPS.find((s) => s.slug === step)!.label },
  ];
}

export function stepTitle(step: NewFamilyStepSlug) {
  const index = NEW_FAMILY_STEPS.findIndex((s) => s.slug === step);
  return `Pré-inscription – étape ${index + 1} sur ${NEW_FAMILY_STEPS.length} : ${NEW_FAMILY_STEPS[index]!.label}`;
}

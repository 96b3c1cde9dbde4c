import { NEW_FAMILY_STEPS, type NewFamilyStepSlug } from "@/lib/new-family/schemas";

const stepIndex = (step: NewFamilyStepSlug) => NEW_FAMILY_STEPS.findIndex((s) => s.slug === step);

/** "Ma famille", "Mes informations financières"…: the step's name, as its crumb. */
export function stepLabel(step: NewFamilyStepSlug) {
  return NEW_FAMILY_STEPS[stepIndex(step)]!.label;
}

export function stepTitle(step: NewFamilyStepSlug) {
  return `Pré-inscription – étape ${stepIndex(step) + 1} sur ${NEW_FAMILY_STEPS.length} : ${stepLabel(step)}`;
}

import type { Metadata } from "next";
import { FamilyStepForm } from "@/components/new-family/family-step-form";
import { WizardSteps } from "@/components/new-family/wizard-steps";
import { Breadcrumbs } from "@/components/shell/breadcrumbs";
import { breadcrumbs } from "@/lib/routes/breadcrumbs";
import { routes } from "@/lib/routes/paths";
import { saveFamilyStep } from "../actions";
import { loadWizardStep } from "../load";
import { stepLabel, stepTitle } from "../steps";

type Props = { params: Promise<{ commune: string }> };

export const metadata: Metadata = { title: stepTitle("ma-famille") };

export default async function FamilyStepPage({ params }: Props) {
  const { commune: slug } = await params;
  const { user, draft } = await loadWizardStep(slug, "ma-famille");
  return (
    <>
      <Breadcrumbs items={breadcrumbs.preRegistration(slug, stepLabel("ma-famille"))} />
      <h1>Ma famille</h1>
      <WizardSteps slug={slug} current="ma-famille" draft={draft} />
      <FamilyStepForm
        action={saveFamilyStep.bind(null, slug)}
        saved={draft.family}
        accountEmail={user.email}
        nextHref={routes.family.preRegistration(slug, "informations-financieres")}
      />
    </>
  );
}

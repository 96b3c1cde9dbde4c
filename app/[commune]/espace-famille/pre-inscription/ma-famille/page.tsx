import type { Metadata } from "next";
import { FamilyStepForm } from "@/components/new-family/family-step-form";
import { WizardSteps, wizardPath } from "@/components/new-family/wizard-steps";
import { Breadcrumbs } from "@/components/shell/breadcrumbs";
import { stepTitle, wizardCrumbs } from "../crumbs";
import { loadWizardStep } from "../load";

type Props = { params: Promise<{ commune: string }> };

export const metadata: Metadata = { title: stepTitle("ma-famille") };

export default async function FamilyStepPage({ params }: Props) {
  const { commune: slug } = await params;
  const { user, draft } = await loadWizardStep(slug, "ma-famille");
  return (
    <>
      <Breadcrumbs items={wizardCrumbs(slug, "ma-famille")} />
      <h1>Ma famille</h1>
      <WizardSteps slug={slug} current="ma-famille" draft={draft} />
      <FamilyStepForm
        slug={slug}
        saved={draft.family}
        accountEmail={user.email}
        nextHref={wizardPath(slug, "informations-financieres")}
      />
    </>
  );
}

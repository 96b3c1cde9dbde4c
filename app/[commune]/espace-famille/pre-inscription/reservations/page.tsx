import type { Metadata } from "next";
import { WishesStepForm } from "@/components/new-family/wishes-step-form";
import { WizardSteps } from "@/components/new-family/wizard-steps";
import { Breadcrumbs } from "@/components/shell/breadcrumbs";
import { Link } from "@/components/ui/link";
import { breadcrumbs } from "@/lib/routes/breadcrumbs";
import { routes } from "@/lib/routes/paths";
import { saveWishesStep } from "../actions";
import { loadWizardStep } from "../load";
import { stepLabel, stepTitle } from "../steps";

type Props = { params: Promise<{ commune: string }> };

export const metadata: Metadata = { title: stepTitle("reservations") };

export default async function WishesStepPage({ params }: Props) {
  const { commune: slug } = await params;
  const { draft } = await loadWizardStep(slug, "reservations");
  const childNames = draft.family!.children.map((c) => `${c.firstName} ${c.lastName.toLocaleUpperCase("fr-FR")}`);
  return (
    <>
      <Breadcrumbs items={breadcrumbs.preRegistration(slug, stepLabel("reservations"))} />
      <h1>Mes pré-inscriptions et réservations</h1>
      <WizardSteps slug={slug} current="reservations" draft={draft} />
      <WishesStepForm
        action={saveWishesStep.bind(null, slug)}
        childNames={childNames}
        saved={draft.wishes}
        nextHref={routes.family.preRegistration(slug, "confirmation")}
      />
      <p>
        <Link href={routes.family.preRegistration(slug, "informations-financieres")}>
          Revenir à l&apos;étape précédente
        </Link>
      </p>
    </>
  );
}

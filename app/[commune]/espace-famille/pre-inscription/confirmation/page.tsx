import type { Metadata } from "next";
import { NewFamilySummary } from "@/components/new-family/family-summary";
import { SendPreRegistrationForm } from "@/components/new-family/send-form";
import { WizardSteps } from "@/components/new-family/wizard-steps";
import { Breadcrumbs } from "@/components/shell/breadcrumbs";
import { Link } from "@/components/ui/link";
import { getDb } from "@/lib/db";
import { findPreRegistrationDocument } from "@/lib/documents/store-document";
import { breadcrumbs } from "@/lib/routes/breadcrumbs";
import { routes } from "@/lib/routes/paths";
import { sendPreRegistration } from "../actions";
import { loadWizardStep } from "../load";
import { stepLabel, stepTitle } from "../steps";

type Props = { params: Promise<{ commune: string }> };

export const metadata: Metadata = { title: stepTitle("confirmation") };

export default async function ConfirmationStepPage({ params }: Props) {
  const { commune: slug } = await params;
  const { commune, user, draft } = await loadWizardStep(slug, "confirmation");
  const rib = await findPreRegistrationDocument(await getDb(), { communeId: commune.id, userId: user.id });
  const { iban, ...finance } = draft.finance!;
  return (
    <>
      <Breadcrumbs items={breadcrumbs.preRegistration(slug, stepLabel("confirmation"))} />
      <h1>Confirmation</h1>
      <WizardSteps slug={slug} current="confirmation" draft={draft} />
      <p>
        Vérifiez les informations ci-dessous, puis envoyez votre demande à la commune. Vous pouvez encore revenir sur
        chaque étape.
      </p>
      <NewFamilySummary
        family={draft.family!}
        finance={finance}
        iban={iban}
        wishes={draft.wishes!}
        ribFileName={rib?.fileName ?? null}
      />
      <SendPreRegistrationForm
        action={sendPreRegistration.bind(null, slug)}
        doneHref={routes.family.preRegistration(slug)}
      />
      <p>
        <Link href={routes.family.preRegistration(slug, "reservations")}>Revenir à l&apos;étape précédente</Link>
      </p>
    </>
  );
}

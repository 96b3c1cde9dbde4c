import type { Metadata } from "next";
import { FinanceStepForm } from "@/components/new-family/finance-step-form";
import { WizardSteps } from "@/components/new-family/wizard-steps";
import { Breadcrumbs } from "@/components/shell/breadcrumbs";
import { Link } from "@/components/ui/link";
import { getDb } from "@/lib/db";
import { RIB_CODE } from "@/lib/documents/codes";
import { findPreRegistrationDocument } from "@/lib/documents/store-document";
import { findDocumentTypeByCode } from "@/lib/documents/types";
import { breadcrumbs } from "@/lib/routes/breadcrumbs";
import { routes } from "@/lib/routes/paths";
import { saveFinanceStep } from "../actions";
import { loadWizardStep } from "../load";
import { stepLabel, stepTitle } from "../steps";

type Props = { params: Promise<{ commune: string }> };

export const metadata: Metadata = { title: stepTitle("informations-financieres") };

export default async function FinanceStepPage({ params }: Props) {
  const { commune: slug } = await params;
  const { commune, user, draft } = await loadWizardStep(slug, "informations-financieres");
  const db = await getDb();
  const scope = { communeId: commune.id, userId: user.id };
  // The RIB of a direct debit, when the commune asks for one; the account's own already handed in, if any.
  const [ribType, rib] = await Promise.all([
    findDocumentTypeByCode(db, { communeId: commune.id, code: RIB_CODE }),
    findPreRegistrationDocument(db, scope),
  ]);
  const family = draft.family!;
  const guardians = [
    { rank: 1 as const, name: `${family.guardian1.firstName} ${family.guardian1.lastName.toLocaleUpperCase("fr-FR")}` },
    ...(family.guardian2
      ? [
          {
            rank: 2 as const,
            name: `${family.guardian2.firstName} ${family.guardian2.lastName.toLocaleUpperCase("fr-FR")}`,
          },
        ]
      : []),
  ];
  return (
    <>
      <Breadcrumbs items={breadcrumbs.preRegistration(slug, stepLabel("informations-financieres"))} />
      <h1>Mes informations financières</h1>
      <WizardSteps slug={slug} current="informations-financieres" draft={draft} />
      <FinanceStepForm
        action={saveFinanceStep.bind(null, slug)}
        saved={draft.finance}
        guardians={guardians}
        rib={ribType ? { required: ribType.required, storedFileName: rib?.fileName ?? null } : null}
        nextHref={routes.family.preRegistration(slug, "reservations")}
      />
      <p>
        <Link href={routes.family.preRegistration(slug, "ma-famille")}>Revenir à l&apos;étape précédente</Link>
      </p>
    </>
  );
}

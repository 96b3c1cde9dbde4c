import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { FileSectionCard, FileSections, sectionAnchor } from "@/components/family-file/file-section";
import { PendingRequestNotice } from "@/components/family-file/pending-request-notice";
import { SectionForm } from "@/components/family-file/section-form";
import { SectionFormCards } from "@/components/family-file/section-form-cards";
import { sectionFormValues } from "@/components/family-file/section-values";
import { Breadcrumbs } from "@/components/shell/breadcrumbs";
import { RIB_FIELD } from "@/lib/documents/family-messages";
import type { SectionId } from "@/lib/family-file/schemas-sections";
import { breadcrumbs } from "@/lib/routes/breadcrumbs";
import { routes } from "@/lib/routes/paths";
import { civilityLabels } from "@/lib/validation/fields";
import { familyFileActions } from "../../form-actions";
import { findInFiles, loadOwnFamilyFiles } from "../../load";

type Props = { params: Promise<{ commune: string; id: string }> };

export const metadata: Metadata = { title: "Responsable – Dossier famille" };

const GUARDIAN_SECTIONS = [
  ["guardian.basic", "Information de base"],
  ["guardian.address", "Adresse"],
  ["guardian.communication", "Communication et factures"],
  ["guardian.benefits", "Payeur et allocataire CAF / MSA"],
] as const satisfies readonly (readonly [SectionId, string])[];
const BANK = { id: "donnees-bancaires", title: "Données bancaires" };
const TAX = { id: "donnees-fiscales", title: "Données fiscales" };
/** The guide's tabs, in the screen's order. */
const LINKS = [...GUARDIAN_SECTIONS.map(([sectionId, title]) => ({ id: sectionAnchor(sectionId), title })), BANK, TAX];

/** "Données responsable": one form per section, each saved as a "Modification du responsable" request. */
export default async function GuardianPage({ params }: Props) {
  const { commune: slug, id } = await params;
  const { files } = await loadOwnFamilyFiles(slug, routes.family.guardian(slug, id));
  const found = findInFiles(files, (f) => f.guardians, id);
  if (!found) notFound();
  const { file, record: guardian } = found;
  const householdId = file.household.id;
  const actions = familyFileActions(slug);
  const name = `${civilityLabels[guardian.values.civility]} ${guardian.values.firstName} ${guardian.values.lastName}`;
  const bank = sectionFormValues("bank", file.bank);
  return (
    <>
      <Breadcrumbs items={breadcrumbs.familyFile(slug, name)} />
      <h1>Données responsable : {name}</h1>
      <p>
        Toute modification est soumise à une validation par la collectivité. Les modifications qui n&apos;ont pas encore
        été traitées sont affichées en jaune.
      </p>
      <PendingRequestNotice
        withdraw={actions.withdrawRequest}
        householdId={householdId}
        pending={guardian.pending}
        what="Une modification de ce responsable"
      />
      <FileSections links={LINKS}>
        <SectionFormCards
          sections={GUARDIAN_SECTIONS}
          record={guardian}
          householdId={householdId}
          action={actions.submitSection}
        />
        <FileSectionCard {...BANK}>
          <p>
            Si vous souhaitez être en prélèvement, saisissez vos informations bancaires et joignez votre RIB : la
            collectivité le vérifie avec la demande. Après validation, elle vous transmet le mandat de prélèvement.
          </p>
          <p>
            Compte enregistré : <strong>{file.bank.values.ibanMasked ?? "aucun"}</strong>
            {file.bank.values.bic ? ` (BIC ${file.bank.values.bic})` : null}
          </p>
          <PendingRequestNotice
            withdraw={actions.withdrawRequest}
            householdId={householdId}
            pending={file.bank.pending}
            what="Une modification des données bancaires"
          />
          <SectionForm
            action={actions.submitSection}
            sectionId="bank"
            householdId={householdId}
            targetId={householdId}
            defaults={bank.defaults}
            notes={bank.notes}
            fileField={{ name: RIB_FIELD, label: "RIB (PDF, JPEG ou PNG, 10 Mo maximum)" }}
          />
        </FileSectionCard>
        <FileSectionCard {...TAX}>
          <dl className="facts">
            <dt>Quotient familial</dt>
            <dd>{file.household.familyQuotient ?? "Non renseigné"}</dd>
          </dl>
          <p className="notice">
            Les données fiscales sont en lecture seule : la collectivité en est gestionnaire et a besoin de pièces
            justificatives pour toute modification. Pour tout changement, adressez-vous à votre collectivité.
          </p>
        </FileSectionCard>
      </FileSections>
    </>
  );
}

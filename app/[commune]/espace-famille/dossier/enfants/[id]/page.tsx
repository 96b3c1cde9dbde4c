import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { AuthorizedAdults } from "@/components/family-file/authorized-adults";
import { ChildPhoto } from "@/components/family-file/child-photo";
import { FileSectionCard, FileSections, sectionAnchor } from "@/components/family-file/file-section";
import { PendingRequestNotice } from "@/components/family-file/pending-request-notice";
import { SectionFormCards } from "@/components/family-file/section-form-cards";
import { VaccinationsForm } from "@/components/family-file/vaccinations-form";
import { Breadcrumbs } from "@/components/shell/breadcrumbs";
import { vaccinationFields } from "@/lib/family-file/fields";
import type { SectionId } from "@/lib/family-file/schemas-sections";
import { formatFieldValue } from "@/lib/requests/diff";
import { breadcrumbs } from "@/lib/routes/breadcrumbs";
import { routes } from "@/lib/routes/paths";
import { familyFileActions } from "../../form-actions";
import { findInFiles, loadOwnFamilyFiles } from "../../load";
import { removeChildPhoto, uploadChildPhoto } from "./actions";

type Props = { params: Promise<{ commune: string; id: string }> };

export const metadata: Metadata = { title: "Enfant – Dossier famille" };

const CHILD_SECTIONS = [
  ["child.general", "Informations générales"],
  ["child.authorizations", "Autorisations"],
  ["child.health", "Données sanitaires"],
] as const satisfies readonly (readonly [SectionId, string])[];
const PHOTO = { id: "photo", title: "Photo" };
const VACCINATIONS = { id: "vaccinations", title: "Vaccinations" };
const ADULTS = { id: "personnes-habilitees", title: "Personnes habilitées" };
/** The guide's tabs, in the screen's order. */
const LINKS = [
  PHOTO,
  ...CHILD_SECTIONS.map(([sectionId, title]) => ({ id: sectionAnchor(sectionId), title })),
  VACCINATIONS,
  ADULTS,
];

/** A child's screen: general information, authorisations, health data, vaccinations and personnes habilitées. */
export default async function ChildPage({ params }: Props) {
  const { commune: slug, id } = await params;
  const { files } = await loadOwnFamilyFiles(slug, routes.family.child(slug, id));
  const found = findInFiles(files, (f) => f.children, id);
  if (!found) notFound();
  const { file, record: child } = found;
  const householdId = file.household.id;
  const actions = familyFileActions(slug);
  const name = `${child.values.firstName} ${child.values.lastName}`;
  const vaccinationDef = vaccinationFields[0]!;
  const vaccinationsPending = child.vaccinations.pending;
  return (
    <>
      <Breadcrumbs items={breadcrumbs.familyFile(slug, name)} />
      <h1>Enfant : {name}</h1>
      <p>
        Vérifiez les autorisations, les données sanitaires et les adultes habilités à prendre en charge votre enfant.
        Toute modification est soumise à une validation par la collectivité ; les modifications non traitées sont
        affichées en jaune.
      </p>
      {child.school ? (
        <p>
          École : {child.school}
          {child.schoolClass ? ` – ${child.schoolClass}` : null}
        </p>
      ) : null}
      <PendingRequestNotice
        withdraw={actions.withdrawRequest}
        householdId={householdId}
        pending={child.pending}
        what="Une modification de cet enfant"
      />
      <FileSections links={LINKS}>
        <FileSectionCard {...PHOTO}>
          <p>
            La photo est enregistrée directement, sans validation par la collectivité. Seuls votre famille et les agents
            de la commune peuvent la voir.
          </p>
          <ChildPhoto
            slug={slug}
            actions={{ upload: uploadChildPhoto.bind(null, slug), remove: removeChildPhoto.bind(null, slug) }}
            childId={child.id}
            firstName={child.values.firstName as string}
            photo={child.photo ? { updatedAt: child.photo.updatedAt } : null}
          />
        </FileSectionCard>
        <SectionFormCards
          sections={CHILD_SECTIONS}
          record={child}
          householdId={householdId}
          action={actions.submitSection}
        />
        <FileSectionCard {...VACCINATIONS}>
          <PendingRequestNotice
            withdraw={actions.withdrawRequest}
            householdId={householdId}
            pending={vaccinationsPending}
            what="Une modification des vaccins"
          />
          <VaccinationsForm
            action={actions.submitVaccinations}
            householdId={householdId}
            childId={child.id}
            vaccinations={
              (vaccinationsPending?.values.vaccinations as typeof child.vaccinations.values.vaccinations | undefined) ??
              child.vaccinations.values.vaccinations
            }
            note={
              vaccinationsPending
                ? {
                    validated: formatFieldValue(vaccinationDef, child.vaccinations.values.vaccinations),
                    proposed: formatFieldValue(vaccinationDef, vaccinationsPending.values.vaccinations),
                  }
                : undefined
            }
          />
        </FileSectionCard>
        <FileSectionCard {...ADULTS}>
          <AuthorizedAdults actions={actions} householdId={householdId} child={child} />
        </FileSectionCard>
      </FileSections>
    </>
  );
}

import type { FormAction } from "@/lib/actions/state";
import type { FileRecord } from "@/lib/family-file/read";
import type { SectionId } from "@/lib/family-file/schemas-sections";
import { FileSectionCard, sectionAnchor } from "./file-section";
import { SectionForm } from "./section-form";
import { sectionFormValues } from "./section-values";

/** A guardian's or a child's sections that are plain forms, one card each with its own "Enregistrer". */
export function SectionFormCards({
  sections,
  record,
  householdId,
  action,
}: {
  sections: readonly (readonly [SectionId, string])[];
  record: FileRecord<object> & { id: string };
  householdId: string;
  action: FormAction;
}) {
  return sections.map(([sectionId, title]) => {
    const { defaults, notes } = sectionFormValues(sectionId, record);
    return (
      <FileSectionCard key={sectionId} id={sectionAnchor(sectionId)} title={title}>
        <SectionForm
          action={action}
          sectionId={sectionId}
          householdId={householdId}
          targetId={record.id}
          defaults={defaults}
          notes={notes}
        />
      </FileSectionCard>
    );
  });
}

import type { FileRecord } from "@/lib/family-file/read";
import { sectionFields } from "@/lib/family-file/schemas";
import { fileSection, type SectionId } from "@/lib/family-file/schemas-sections";
import { formatFieldValue } from "@/lib/requests/diff";
import { requestTypeDef } from "@/lib/requests/types";
import type { PendingNote } from "./pending-value";

/** The bank screen shows the IBAN masked only: its record is keyed "ibanMasked" (lib/family-file/read.ts). */
const RECORD_KEY: Record<string, string> = { iban: "ibanMasked" };

/**
 * What a section form starts with — the pending value of each field if a change is pending (so a second change
 * builds on it), else the validated one — and the yellow notes of the fields with a pending value.
 */
export function sectionFormValues(sectionId: SectionId, record: FileRecord<object> | null) {
  const section = fileSection(sectionId);
  const defs = requestTypeDef(section.requestType)?.fields ?? [];
  const values = (record?.values ?? {}) as Record<string, unknown>;
  const proposed = record?.pending?.values ?? {};
  const defaults: Record<string, unknown> = {};
  const notes: Record<string, PendingNote> = {};
  for (const field of sectionFields(section)) {
    const key = RECORD_KEY[field.key] ?? field.key;
    const def = defs.find((d) => d.key === field.key);
    const isPending = Object.hasOwn(proposed, key);
    if (field.input === "iban") {
      defaults[field.key] = "";
      if (isPending)
        notes[field.key] = { validated: String(values[key] ?? "Non renseigné"), proposed: String(proposed[key]) };
      continue;
    }
    const current = isPending ? proposed[key] : values[key];
    defaults[field.key] =
      field.input === "checkbox" ? Boolean(current) : field.input === "checkboxes" ? (current ?? []) : (current ?? "");
    if (isPending && def)
      notes[field.key] = {
        validated: formatFieldValue(def, values[key]),
        proposed: formatFieldValue(def, proposed[key]),
      };
  }
  return { defaults, notes };
}

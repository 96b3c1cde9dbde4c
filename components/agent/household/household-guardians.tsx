import { DataTable } from "@/components/ui/data-table";
import type { HouseholdDetail } from "@/lib/households/household-detail";
import { civilityLabels } from "@/lib/validation/fields";

/** "Responsables": name, quality, how to reach them, who pays. */
export function HouseholdGuardians({ household }: { household: HouseholdDetail }) {
  return (
    <>
      <h2>Responsables</h2>
      <DataTable
        label="Responsables"
        caption={`Responsables de la famille ${household.name}`}
        hiddenCaption
        rows={household.guardians}
        columns={[
          {
            header: "Responsable",
            cell: (guardian) => `${civilityLabels[guardian.civility]} ${guardian.firstName} ${guardian.lastName}`,
          },
          { header: "Qualité", cell: (guardian) => guardian.quality ?? "–" },
          { header: "E-mail", cell: (guardian) => guardian.email ?? "–" },
          { header: "Téléphone", cell: (guardian) => guardian.mobilePhone ?? guardian.phone ?? "–" },
          { header: "Payeur", cell: (guardian) => (guardian.isPayer ? "Oui" : "Non") },
        ]}
      />
    </>
  );
}

import { DataTable } from "@/components/ui/data-table";
import { formatDate } from "@/lib/format";
import type { HouseholdDetail } from "@/lib/households/household-detail";
import { routes } from "@/lib/routes/paths";

/** "Enfants": photo (when there is one), name, birth date, school and class. */
export function HouseholdChildren({
  slug,
  household,
  photos,
}: {
  slug: string;
  household: HouseholdDetail;
  /** The children that have a photo, and of when. */
  photos: Map<string, Date>;
}) {
  return (
    <>
      <h2>Enfants</h2>
      {household.children.length === 0 ? (
        <p>Aucun enfant dans ce dossier.</p>
      ) : (
        <DataTable
          label="Enfants"
          caption={`Enfants de la famille ${household.name}`}
          hiddenCaption
          rows={household.children}
          columns={[
            {
              header: "Photo",
              cell: (child) =>
                photos.has(child.id) ? (
                  <img
                    src={routes.family.childPhoto(slug, child.id, photos.get(child.id))}
                    alt={child.firstName}
                    width={64}
                    height={64}
                    style={{ objectFit: "cover", borderRadius: "0.25rem" }}
                  />
                ) : (
                  "–"
                ),
            },
            { header: "Enfant", cell: (child) => `${child.firstName} ${child.lastName}` },
            { header: "Date de naissance", cell: (child) => formatDate(child.birthDate) },
            { header: "École", cell: (child) => child.school ?? "–" },
            { header: "Classe", cell: (child) => child.schoolClass ?? "–" },
          ]}
        />
      )}
    </>
  );
}

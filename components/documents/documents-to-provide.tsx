import { Link } from "@/components/ui/link";
import { missingDocumentsLabel } from "@/lib/documents/labels";
import { routes } from "@/lib/routes/paths";

/**
 * "2 pièces à fournir", a link to the household's Pièces justificatives, where a family will see it (Mes demandes,
 * the Dossier famille); nothing when none is missing.
 */
export function DocumentsToProvide({
  slug,
  count,
  householdId,
}: {
  slug: string;
  count: number;
  /** Kept in the link when the account has several households. */
  householdId?: string;
}) {
  if (count <= 0) return null;
  return (
    <p className="notice">
      <Link href={routes.family.documents(slug, householdId)}>{missingDocumentsLabel(count)}</Link> : des documents
      demandés par la collectivité manquent, ont été refusés ou ont expiré.
    </p>
  );
}

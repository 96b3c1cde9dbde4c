import { SubmitButton } from "@/components/ui/form-feedback";
import { Link } from "@/components/ui/link";

/** The guide's "Rechercher" button and "Annuler" link under each M'abonner form. */
export function SearchOrCancel({ pending, cancelHref }: { pending: boolean; cancelHref: string }) {
  return (
    <div className="button-row">
      <SubmitButton pending={pending}>Rechercher</SubmitButton>
      <Link href={cancelHref}>Annuler</Link>
    </div>
  );
}

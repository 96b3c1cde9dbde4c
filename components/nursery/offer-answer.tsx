import type { NurseryApplicationDetail } from "@/lib/nursery/detail";

/**
 * "Accepter la place" / "Décliner la place" on the family's application page while a place is offered and the
 * delay runs; for a child to be born, accepting asks the birth (prénom, sexe, date de naissance).
 */
export function NurseryOfferAnswer(_props: { communeSlug: string; detail: NurseryApplicationDetail }) {
  return null;
}

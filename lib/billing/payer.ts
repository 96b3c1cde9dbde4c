import type { Civility } from "@/db/schema/users";

/*
 * Who an invoice is addressed to: the household's guardian marked as payer, else Responsable 1; printed as it
 * was on the day of issue ("Mme Claire MARTIN", one line of address).
 */

export type PayerCandidate = {
  rank: number;
  isPayer: boolean;
  civility: Civility;
  firstName: string;
  lastName: string;
  email: string | null;
  addressLine: string | null;
  postcode: string | null;
  city: string | null;
  country: string | null;
};

/** The payer among a household's guardians: the one marked payer (the lowest rank if several), else rank 1. */
export function choosePayer<G extends Pick<PayerCandidate, "rank" | "isPayer">>(guardians: readonly G[]): G | null {
  const byRank = [...guardians].sort((a, b) => a.rank - b.rank);
  return byRank.find((g) => g.isPayer) ?? byRank.find((g) => g.rank === 1) ?? null;
}

const CIVILITY_ABBREVIATIONS: Record<Civility, string> = { M: "M.", MME: "Mme" };

/** "Mme Claire MARTIN". */
export function payerName(payer: Pick<PayerCandidate, "civility" | "firstName" | "lastName">): string {
  return `${CIVILITY_ABBREVIATIONS[payer.civility]} ${payer.firstName.trim()} ${payer.lastName.trim().toLocaleUpperCase("fr-FR")}`;
}

/** "12 rue des Écoles, 38000 Démo" (the country when it is not France); null when nothing is known. */
export function payerAddress(
  payer: Pick<PayerCandidate, "addressLine" | "postcode" | "city" | "country">,
): string | null {
  const town = [payer.postcode, payer.city]
    .map((part) => part?.trim())
    .filter(Boolean)
    .join(" ");
  const country = payer.country?.trim();
  const parts = [
    payer.addressLine?.trim(),
    town,
    country && country.toLowerCase() !== "france" ? country : null,
  ].filter((part): part is string => Boolean(part));
  return parts.length > 0 ? parts.join(", ") : null;
}

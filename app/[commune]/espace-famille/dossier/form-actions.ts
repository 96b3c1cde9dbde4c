import type { FamilyFileActions } from "@/components/family-file/form-actions";
import { withdrawMyRequest } from "../../mon-espace-citoyen/mes-demandes/actions";
import { removeAuthorizedAdult, submitSectionChange, submitVaccinations } from "./actions";

/** The Dossier famille's actions bound to the commune, for the pages to hand to their forms. */
export function familyFileActions(communeSlug: string): FamilyFileActions {
  return {
    submitSection: submitSectionChange.bind(null, communeSlug),
    submitVaccinations: submitVaccinations.bind(null, communeSlug),
    removeAuthorizedAdult: removeAuthorizedAdult.bind(null, communeSlug),
    withdrawRequest: withdrawMyRequest.bind(null, communeSlug),
  };
}

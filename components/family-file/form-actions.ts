import type { FormAction } from "@/lib/actions/state";

/** The Dossier famille's server actions, bound to the commune by the page. */
export type FamilyFileActions = {
  submitSection: FormAction;
  submitVaccinations: FormAction;
  removeAuthorizedAdult: FormAction;
  withdrawRequest: FormAction;
};

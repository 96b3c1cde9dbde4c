/* What the family's document forms answer, in French (the actions and their tests share them). */

/** The type or child is not (or no longer) asked of this household: nothing is written. */
export const DOCUMENT_NOT_ASKED =
  "Cette pièce n'est pas demandée pour ce dossier famille. Revenez à la liste des pièces justificatives et réessayez.";

/** The list's notice once a document is handed in. */
export const DOCUMENT_SENT = "Votre document a été envoyé : il est en cours de vérification.";

/** A change of bank details for a direct debit without the RIB (field error at the RIB's file field). */
export const RIB_REQUIRED = "Joignez votre RIB pour le prélèvement.";

/** The form fields of the documents joined to a request. */
export const RIB_FIELD = "rib";
export const CERTIFICATE_FIELD = "certificate";

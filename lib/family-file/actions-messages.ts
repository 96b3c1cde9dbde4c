import type { SubmitChangeResult } from "@/lib/requests/submit-change";

/** What the family is told after saving a part of its file (the notice names the request's reference). */
export function submitChangeMessage(result: Extract<SubmitChangeResult, { ok: true }>): string {
  const reference = result.request?.reference;
  switch (result.outcome) {
    case "created":
      return `Votre demande de modification a été transmise à la collectivité sous la référence ${reference}. Elle reste affichée en jaune jusqu'à son traitement.`;
    case "updated":
      return `Votre demande en cours (référence ${reference}) a été mise à jour.`;
    case "withdrawn":
      return `Les valeurs saisies sont celles de votre dossier validé : la demande en cours (référence ${reference}) a été retirée.`;
    case "unchanged":
      return "Aucune modification : les valeurs saisies sont déjà celles de votre dossier.";
  }
}

export const NOT_IN_FILE = "Cette fiche n'existe pas dans votre dossier famille.";
export const NOT_SUBSCRIBED = "Ce dossier famille n'est pas relié à votre compte.";

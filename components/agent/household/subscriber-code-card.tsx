import { HouseholdActionDialog } from "@/components/agent/household/household-action-dialog";
import type { FormAction } from "@/lib/actions/state";
import type { HouseholdDetail } from "@/lib/households/household-detail";

/** The household's code abonné and quotient familial, with "Régénérer le code". */
export function SubscriberCodeCard({
  regenerate,
  household,
}: {
  /** "Régénérer le code abonné", bound to the commune by the page. */
  regenerate: FormAction;
  household: HouseholdDetail;
}) {
  return (
    <section className="card" aria-labelledby="code-abonne">
      <h2 id="code-abonne">Code abonné</h2>
      <p>
        <span className="code">{household.subscriberCode}</span>
      </p>
      <p>Quotient familial : {household.familyQuotient ?? "non renseigné"}</p>
      <HouseholdActionDialog
        action={regenerate}
        householdId={household.id}
        trigger="Régénérer le code abonné"
        title="Régénérer le code abonné ?"
        confirm="Régénérer le code"
      >
        Un nouveau code abonné sera attribué à la famille {household.name}. L&apos;ancien code ne permettra plus de
        s&apos;abonner ; les comptes déjà abonnés gardent leur accès. Pensez à transmettre le nouveau code à la famille.
      </HouseholdActionDialog>
    </section>
  );
}

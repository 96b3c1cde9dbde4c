import { RegenerateCodeDialog } from "@/components/agent/regenerate-code-dialog";
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
      <RegenerateCodeDialog action={regenerate} householdId={household.id} householdName={household.name} />
    </section>
  );
}

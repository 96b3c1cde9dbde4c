import { RegenerateCodeDialog } from "@/components/agent/regenerate-code-dialog";
import type { HouseholdDetail } from "@/lib/households/household-detail";

/** The household's code abonné and quotient familial, with "Régénérer le code". */
export function SubscriberCodeCard({ slug, household }: { slug: string; household: HouseholdDetail }) {
  return (
    <section className="card" aria-labelledby="code-abonne">
      <h2 id="code-abonne">Code abonné</h2>
      <p>
        <span className="code">{household.subscriberCode}</span>
      </p>
      <p>Quotient familial : {household.familyQuotient ?? "non renseigné"}</p>
      <RegenerateCodeDialog slug={slug} householdId={household.id} householdName={household.name} />
    </section>
  );
}

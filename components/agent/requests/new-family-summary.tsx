import { NewFamilySummary } from "@/components/new-family/family-summary";
import { getDb } from "@/lib/db";
import { loadPreRegistrationForAgent } from "@/lib/new-family/store";

/** On an agent's "Pré-inscription nouvelle famille" request: the family as submitted (IBAN masked). */
export async function NewFamilyRequestSummary({ communeId, requestId }: { communeId: string; requestId: string }) {
  const payload = await loadPreRegistrationForAgent(await getDb(), { communeId, requestId });
  return (
    <section aria-labelledby="famille-proposee">
      <h2 id="famille-proposee">Famille à créer</h2>
      {payload ? (
        <NewFamilySummary
          family={payload.family}
          finance={payload.finance}
          iban={payload.iban}
          wishes={payload.wishes ?? []}
          headingLevel={3}
        />
      ) : (
        <p>Le contenu de cette pré-inscription est illisible.</p>
      )}
    </section>
  );
}

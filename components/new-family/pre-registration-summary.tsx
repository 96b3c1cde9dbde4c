import { getDb } from "@/lib/db";
import { loadPreRegistration } from "@/lib/new-family/store";
import { NewFamilySummary } from "./family-summary";

/**
 * On a "Pré-inscription nouvelle famille" request, the agent's or the family's: the family as submitted (IBAN
 * masked). The caller has checked that the request is the reader's to see.
 */
export async function PreRegistrationSummary({
  communeId,
  requestId,
  title,
}: {
  communeId: string;
  requestId: string;
  title: string;
}) {
  const payload = await loadPreRegistration(await getDb(), { communeId, requestId });
  return (
    <section aria-labelledby="famille-proposee">
      <h2 id="famille-proposee">{title}</h2>
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

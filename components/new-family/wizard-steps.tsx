import { Link } from "@/components/ui/link";
import {
  NEW_FAMILY_STEPS,
  type NewFamilyDraftData,
  type NewFamilyStepSlug,
  stepIsOpen,
} from "@/lib/new-family/schemas";
import { routes } from "@/lib/routes/paths";
import styles from "./new-family.module.css";

/** "Ma famille > Mes informations financières > …": the current step marked, the reachable ones as links. */
export function WizardSteps({
  slug,
  current,
  draft,
}: {
  slug: string;
  current: NewFamilyStepSlug;
  draft: NewFamilyDraftData;
}) {
  return (
    <nav aria-label="Étapes de la pré-inscription">
      <ol className={styles.steps}>
        {NEW_FAMILY_STEPS.map((step) => (
          <li key={step.slug} aria-current={step.slug === current ? "step" : undefined}>
            {step.slug !== current && stepIsOpen(draft, step.slug) ? (
              <Link href={routes.family.preRegistration(slug, step.slug)}>{step.label}</Link>
            ) : (
              step.label
            )}
          </li>
        ))}
      </ol>
    </nav>
  );
}

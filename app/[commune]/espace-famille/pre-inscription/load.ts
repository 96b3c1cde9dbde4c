import "server-only";
import { redirect } from "next/navigation";
import { requireUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { type NewFamilyStepSlug, nextStep, stepIsOpen } from "@/lib/new-family/schemas";
import { hasSubscription, latestPreRegistration, loadDraft } from "@/lib/new-family/store";
import { routes } from "@/lib/routes/paths";

/**
 * A wizard step's page: a signed-in family account without a subscription and without a pending pre-registration,
 * and its own draft. A step not reached yet sends to the first one to fill in.
 */
export async function loadWizardStep(slug: string, step: NewFamilyStepSlug) {
  const { commune, user } = await requireUser(slug, {
    roles: ["family"],
    returnTo: routes.family.preRegistration(slug, step),
  });
  const db = await getDb();
  const scope = { communeId: commune.id, userId: user.id };
  if (await hasSubscription(db, scope)) redirect(routes.family.space(slug));
  const latest = await latestPreRegistration(db, scope);
  if (latest?.status === "pending") redirect(routes.family.preRegistration(slug));
  const draft = await loadDraft(db, scope);
  if (!stepIsOpen(draft, step)) redirect(routes.family.preRegistration(slug, nextStep(draft)));
  return { commune, user, draft };
}

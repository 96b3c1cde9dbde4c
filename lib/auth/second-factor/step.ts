import "server-only";
import type { Commune } from "@/db/schema";
import { safeReturnPath } from "@/lib/accounts/return-path";
import { currentVisitor, type FoundSession } from "@/lib/auth/session";
import { routes } from "@/lib/routes/paths";
import { mayEnrol } from "./policy";

type Step = "verify" | "enrol";
export type SecondFactorPage = { commune: Commune; session: FoundSession; retour: string };

/**
 * Which second-factor page the visitor belongs on: the code ("verify"), the enrolment ("enrol": at a login that
 * requires it, or staff enrolling of their own accord when they open that page), or elsewhere (`redirectTo`).
 */
export async function secondFactorStep(
  slug: string,
  retourParam: string | string[] | undefined,
  wanted: Step,
): Promise<SecondFactorPage | { redirectTo: string }> {
  const { commune, session } = await currentVisitor(slug);
  const asked = safeReturnPath(commune.slug, typeof retourParam === "string" ? retourParam : undefined) ?? undefined;
  if (!session) return { redirectTo: routes.login(commune.slug, asked) };
  const retour = asked ?? routes.landing(commune.slug, session.user.role);
  const state = session.secondFactor;
  const belongs =
    state === "verify"
      ? "verify"
      : mayEnrol(session.user.role, state) && (state === "enrol" || wanted === "enrol")
        ? "enrol"
        : null;
  if (belongs === wanted) return { commune, session, retour };
  if (belongs === "verify") return { redirectTo: routes.secondFactor(commune.slug, retour) };
  if (belongs === "enrol") return { redirectTo: routes.secondFactorEnrolment(commune.slug, retour) };
  return { redirectTo: retour };
}

import "server-only";
import { unstable_rethrow } from "next/navigation";
import type { z } from "zod";
import type { Db } from "@/db/client";
import type { Commune, Role } from "@/db/schema";
import { findSession, findSessionUser, type FoundSession, type SessionUser } from "@/lib/auth/session";
import { findCommuneBySlug } from "@/lib/communes";
import { getDb } from "@/lib/db";
import { clientIp } from "@/lib/request";
import { formDataToObject } from "./form-data";
import { failure, INVALID_FORM, type ActionState } from "./state";

export type PublicContext = { db: Db; commune: Commune; ip: string };
export type UserContext = PublicContext & { user: SessionUser };
export type SessionContext = PublicContext & FoundSession;

type Handler<S extends z.ZodType, C, D> = (input: z.output<S>, ctx: C) => Promise<ActionState<D>>;

const SESSION_EXPIRED = "Votre session a expiré. Veuillez vous reconnecter.";
const GENERIC_ERROR = "Une erreur est survenue. Veuillez réessayer plus tard.";

/**
 * The one wrapper of every server action: resolves the commune (hidden `commune` field), parses the form with
 * its zod schema, then — for `auth` actions — the session and role. Returns field errors in French; never throws
 * to the client except Next's own redirect/notFound signals.
 */
function defineAction<S extends z.ZodType, C, D>(
  schema: S,
  resolve: (base: PublicContext) => Promise<{ ctx: C } | { refused: ActionState }>,
  handler: Handler<S, C, D>,
) {
  return async (_previous: ActionState<D>, formData: FormData): Promise<ActionState<D>> => {
    try {
      const db = await getDb();
      const slug = formData.get("commune");
      const commune = typeof slug === "string" ? await findCommuneBySlug(db, slug) : null;
      if (!commune) return failure("Commune inconnue.");
      const parsed = schema.safeParse(formDataToObject(formData));
      const resolved = await resolve({ db, commune, ip: await clientIp() });
      if ("refused" in resolved) return resolved.refused;
      if (!parsed.success) {
        const fieldErrors: Record<string, string[]> = {};
        for (const issue of parsed.error.issues) {
          const field = issue.path.join(".") || "form";
          (fieldErrors[field] ??= []).push(issue.message);
        }
        return failure(INVALID_FORM, fieldErrors);
      }
      return await handler(parsed.data, resolved.ctx);
    } catch (error) {
      unstable_rethrow(error);
      console.error("server action failed", error);
      return failure(GENERIC_ERROR);
    }
  };
}

/** An action anyone may call (sign-up, password reset…). */
export function publicAction<S extends z.ZodType, D = undefined>(schema: S, handler: Handler<S, PublicContext, D>) {
  return defineAction(schema, async (ctx) => ({ ctx }), handler);
}

/** An action of a signed-in account of the commune, optionally restricted to some roles. */
export function userAction<S extends z.ZodType, D = undefined>(
  options: { schema: S; roles?: readonly Role[] },
  handler: Handler<S, UserContext, D>,
) {
  return defineAction(
    options.schema,
    async (base) => {
      const user = await findSessionUser(base.db, base.commune.id);
      if (!user) return { refused: failure(SESSION_EXPIRED) };
      if (options.roles && !options.roles.includes(user.role)) return { refused: failure("Vous n'avez pas accès à cette action.") };
      return { ctx: { ...base, user } };
    },
    handler,
  );
}

/**
 * An action of the second-factor pages: any live session of the commune, also one still waiting for its second
 * factor (`secondFactor` says where it stands; the handler decides what it may do).
 */
export function sessionAction<S extends z.ZodType, D = undefined>(schema: S, handler: Handler<S, SessionContext, D>) {
  return defineAction(
    schema,
    async (base) => {
      const found = await findSession(base.db, base.commune.id);
      return found ? { ctx: { ...base, ...found } } : { refused: failure(SESSION_EXPIRED) };
    },
    handler,
  );
}

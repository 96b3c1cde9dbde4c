import "server-only";
import { unstable_rethrow } from "next/navigation";
import type { z } from "zod";
import type { Db } from "@/db/client";
import type { Commune, Role } from "@/db/schema";
import { type FoundSession, findSession, findSessionUser, type SessionUser } from "@/lib/auth/session";
import { findCommuneBySlug } from "@/lib/communes";
import { getDb } from "@/lib/db";
import { clientIp } from "@/lib/request";
import { findSubscribedHouseholdId, type HouseholdPointer } from "@/lib/subscriptions/households";
import { fallbackMessage, formFieldErrors } from "./field-errors";
import { formDataToObject } from "./form-data";
import { type ActionState, failure, INVALID_FORM } from "./state";

export type PublicContext = { db: Db; commune: Commune; ip: string };
export type UserContext = PublicContext & { user: SessionUser };
export type SessionContext = PublicContext & FoundSession;
/** A family action's context: the household it acts on, one the account is subscribed to in this commune. */
export type FamilyContext = UserContext & { householdId: string };

type Handler<S extends z.ZodType, C, D> = (input: z.output<S>, ctx: C) => Promise<ActionState<D>>;

const SESSION_EXPIRED = "Votre session a expiré. Veuillez vous reconnecter.";
export const GENERIC_ERROR = "Une erreur est survenue. Veuillez réessayer plus tard.";

/**
 * A server action as this module defines it. The page binds the commune's slug (`action.bind(null, commune.slug)`)
 * and hands the form the bound action, a `FormAction`.
 */
export type CommuneAction<D> = (
  communeSlug: string,
  previous: ActionState<D>,
  formData: FormData,
) => Promise<ActionState<D>>;

/**
 * The one wrapper of every server action: resolves the commune (the bound slug), parses the form with its zod
 * schema, then — for signed-in actions — the session and role. Returns field errors in French (control
 * characters in any field, repeated fields and zod's own checks included, see field-errors.ts); never throws
 * to the client except Next's own redirect/notFound signals.
 */
function defineAction<S extends z.ZodType, C, D>(
  schema: S,
  callers: ActionCallers,
  resolve: (base: PublicContext) => Promise<{ ctx: C } | { refused: ActionState }>,
  handler: Handler<S, C, D>,
): CommuneAction<D> {
  const action: CommuneAction<D> = async (communeSlug, _previous, formData) => {
    try {
      const db = await getDb();
      // A bound argument comes back from the browser like a field: the slug may name any commune, or be anything.
      // It only chooses the commune; the session checks below must then belong to that commune.
      const commune = typeof communeSlug === "string" ? await findCommuneBySlug(db, communeSlug) : null;
      if (!commune) return failure("Commune inconnue.");
      const input = formDataToObject(formData);
      const parsed = schema.safeParse(input, { error: fallbackMessage });
      const resolved = await resolve({ db, commune, ip: await clientIp() });
      if ("refused" in resolved) return resolved.refused;
      const fieldErrors = formFieldErrors(input, parsed.error?.issues ?? []);
      if (!parsed.success || Object.keys(fieldErrors).length > 0) return failure(INVALID_FORM, fieldErrors);
      return await handler(parsed.data, resolved.ctx);
    } catch (error) {
      unstable_rethrow(error);
      console.error("server action failed", error);
      return failure(GENERIC_ERROR);
    }
  };
  descriptions.set(action, { schema, callers });
  return action;
}

/** Who may call an action: anyone, any signed-in account, or the listed roles. */
export type ActionCallers = "public" | "signed-in" | readonly Role[];
export type ActionDescription = { schema: z.ZodType; callers: ActionCallers };

// Every action's schema and callers, so a test can exercise each action with its own fields (action-fuzz.int.test.ts)
// and tell a function that bypasses this wrapper.
const descriptions = new WeakMap<object, ActionDescription>();

export function describeAction(action: unknown): ActionDescription | undefined {
  return typeof action === "function" ? descriptions.get(action) : undefined;
}

/** An action anyone may call (sign-up, password reset…). */
export function publicAction<S extends z.ZodType, D = undefined>(schema: S, handler: Handler<S, PublicContext, D>) {
  return defineAction(schema, "public", async (ctx) => ({ ctx }), handler);
}

/** An action of a signed-in account of the commune, optionally restricted to some roles. */
export function userAction<S extends z.ZodType, D = undefined>(
  options: { schema: S; roles?: readonly Role[] },
  handler: Handler<S, UserContext, D>,
) {
  return defineAction(
    options.schema,
    options.roles ?? "signed-in",
    async (base) => {
      const user = await findSessionUser(base.db, base.commune.id);
      if (!user) return { refused: failure(SESSION_EXPIRED) };
      if (options.roles && !options.roles.includes(user.role))
        return { refused: failure("Vous n'avez pas accès à cette action.") };
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
    "signed-in",
    async (base) => {
      const found = await findSession(base.db, base.commune.id);
      return found ? { ctx: { ...base, ...found } } : { refused: failure(SESSION_EXPIRED) };
    },
    handler,
  );
}

/**
 * An action of a family account on one of its households. `householdOf` names the form field that points at it:
 * the household itself, one of its children, slots or invoices. That id is only a choice: the household is
 * resolved among the account's subscriptions in this commune and put on ctx; any other id gets `refusal` and
 * the handler does not run.
 */
export function familyAction<S extends z.ZodType<Record<P, string>>, P extends HouseholdPointer, D = undefined>(
  options: { schema: S; householdOf: P; refusal: ActionState },
  handler: Handler<S, FamilyContext, D>,
) {
  return userAction({ schema: options.schema, roles: ["family"] }, async (input, ctx) => {
    const householdId = await findSubscribedHouseholdId(ctx.db, {
      communeId: ctx.commune.id,
      userId: ctx.user.id,
      pointer: options.householdOf,
      id: input[options.householdOf],
    });
    return householdId ? handler(input, { ...ctx, householdId }) : options.refusal;
  });
}

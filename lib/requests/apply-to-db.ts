import "server-only";
import { and, eq, getTableColumns, ne, type SQL, sql } from "drizzle-orm";
import type { PgColumn, PgTable } from "drizzle-orm/pg-core";
import type { Db } from "@/db/client";
import {
  activities,
  authorizedAdults,
  bankAccounts,
  childAuthorizations,
  childHealth,
  children,
  childVaccinations,
  enrolments,
  guardianPreferences,
  guardians,
  households,
  subscriptions,
  users,
} from "@/db/schema";
import type { HouseholdScope } from "@/lib/family-file/records";
import { generateSubscriberCode } from "@/lib/households/subscriber-code";
import type { ApplyOp, HouseholdCreatePlan } from "./apply";

/** The record an accepted request changes is gone (or not of its household): the decision is rolled back. */
export class ApplyTargetMissingError extends Error {
  constructor(op: ApplyOp | string) {
    super(
      typeof op === "string" ? op : `apply target missing for ${op.action}${"table" in op ? ` on ${op.table}` : ""}`,
    );
  }
}

/** What every operation is applied with: the decision's transaction and the request's household. */
interface ApplyContext {
  tx: Db;
  scope: HouseholdScope;
  now: Date;
}

/** A table of the family file: each row carries its commune and its household. */
type HouseholdTable = PgTable & { communeId: PgColumn; householdId: PgColumn };

/** The rows of `table` whose `column` is `id`, among the household's (and its commune's) only. */
function ofHousehold(table: HouseholdTable, column: PgColumn, id: string, scope: HouseholdScope): SQL {
  return and(eq(column, id), eq(table.householdId, scope.householdId), eq(table.communeId, scope.communeId))!;
}

function mustTouch(rows: unknown[], op: ApplyOp) {
  if (rows.length === 0) throw new ApplyTargetMissingError(op);
}

/** Throws unless the row `id` of `table` (a guardian, a child) is the household's. */
async function mustBeOfHousehold(
  { tx, scope }: ApplyContext,
  table: HouseholdTable & { id: PgColumn },
  id: string,
  op: ApplyOp,
) {
  mustTouch(
    await tx
      .select({ id: table.id })
      .from(table)
      .where(ofHousehold(table, table.id, id, scope)),
    op,
  );
}

type OpOf<A extends ApplyOp["action"]> = Extract<ApplyOp, { action: A }>;

/** The tables an "update" changes, by name; `stamped` ones keep their own "last changed" date. */
const UPDATED: Record<OpOf<"update">["table"], { table: HouseholdTable & { id: PgColumn }; stamped: boolean }> = {
  guardians: { table: guardians, stamped: false },
  children: { table: children, stamped: false },
  authorizedAdults: { table: authorizedAdults, stamped: true },
};

/**
 * The one-row-per-owner tables an "upsert" writes, by name: the column (property) that holds the owner's id, and
 * the check that the owner (a guardian, a child, the household itself) is the request's household.
 */
const UPSERTED: Record<
  OpOf<"upsert">["table"],
  {
    table: HouseholdTable;
    owner: string;
    checkOwner: (ctx: ApplyContext, op: ApplyOp & { id: string }) => Promise<void>;
  }
> = {
  guardianPreferences: {
    table: guardianPreferences,
    owner: "guardianId",
    checkOwner: (ctx, op) => mustBeOfHousehold(ctx, guardians, op.id, op),
  },
  childAuthorizations: {
    table: childAuthorizations,
    owner: "childId",
    checkOwner: (ctx, op) => mustBeOfHousehold(ctx, children, op.id, op),
  },
  childHealth: {
    table: childHealth,
    owner: "childId",
    checkOwner: (ctx, op) => mustBeOfHousehold(ctx, children, op.id, op),
  },
  bankAccounts: {
    table: bankAccounts,
    owner: "householdId",
    checkOwner: async ({ scope }, op) => {
      if (op.id !== scope.householdId) throw new ApplyTargetMissingError(op);
    },
  },
};

/** How each kind of operation is applied. */
const APPLY: { [A in ApplyOp["action"]]: (ctx: ApplyContext, op: OpOf<A>) => Promise<void> } = {
  clearBenefitRecipient: async ({ tx, scope }, op) => {
    await tx
      .update(guardians)
      .set({ isBenefitRecipient: false })
      .where(
        and(
          eq(guardians.householdId, scope.householdId),
          eq(guardians.communeId, scope.communeId),
          ne(guardians.id, op.exceptGuardianId),
          eq(guardians.isBenefitRecipient, true),
        ),
      );
  },
  update: async ({ tx, scope, now }, op) => {
    const { table, stamped } = UPDATED[op.table];
    mustTouch(
      await tx
        .update(table)
        .set(stamped ? { ...op.values, updatedAt: now } : op.values)
        .where(ofHousehold(table, table.id, op.id, scope))
        .returning({ id: table.id }),
      op,
    );
  },
  upsert: async (ctx, op) => {
    const { table, owner, checkOwner } = UPSERTED[op.table];
    await checkOwner(ctx, op);
    await ctx.tx
      .insert(table)
      .values({ ...op.values, ...ctx.scope, [owner]: op.id, updatedAt: ctx.now })
      .onConflictDoUpdate({ target: getTableColumns(table)[owner]!, set: { ...op.values, updatedAt: ctx.now } });
  },
  insert: async (ctx, op) => {
    await mustBeOfHousehold(ctx, children, op.childId, op);
    await ctx.tx.insert(authorizedAdults).values({
      lastName: "",
      firstName: "",
      relationship: "",
      ...op.values,
      ...ctx.scope,
      id: op.id,
      childId: op.childId,
    });
  },
  delete: async ({ tx, scope }, op) => {
    mustTouch(
      await tx
        .delete(authorizedAdults)
        .where(ofHousehold(authorizedAdults, authorizedAdults.id, op.id, scope))
        .returning({ id: authorizedAdults.id }),
      op,
    );
  },
  enrol: async (ctx, op) => {
    await mustBeOfHousehold(ctx, children, op.childId, op);
    const { tx, scope } = ctx;
    const [activity] = await tx
      .select({ id: activities.id })
      .from(activities)
      .where(
        and(
          eq(activities.id, op.activityId),
          eq(activities.communeId, scope.communeId),
          eq(activities.archived, false),
        ),
      );
    if (!activity) throw new ApplyTargetMissingError(op);
    // Already enrolled from that day (an agent did it by hand meanwhile): confirming keeps that enrolment.
    await tx
      .insert(enrolments)
      .values({
        ...scope,
        id: op.id,
        childId: op.childId,
        activityId: activity.id,
        startsOn: op.startsOn,
        endsOn: op.endsOn,
      })
      .onConflictDoNothing({ target: [enrolments.childId, enrolments.activityId, enrolments.startsOn] });
  },
  replaceVaccinations: async (ctx, op) => {
    await mustBeOfHousehold(ctx, children, op.childId, op);
    const { tx, scope } = ctx;
    await tx
      .delete(childVaccinations)
      .where(ofHousehold(childVaccinations, childVaccinations.childId, op.childId, scope));
    if (op.vaccinations.length) {
      await tx
        .insert(childVaccinations)
        .values(op.vaccinations.map((v) => ({ ...scope, childId: op.childId, name: v.name, vaccinatedOn: v.date })));
    }
  },
};

/**
 * Runs planApply()'s operations, in order, on the decision's transaction. Every statement is scoped by the
 * request's commune and household, and each must touch its row: otherwise it throws and nothing is kept.
 */
export async function runApplyOps(tx: Db, scope: HouseholdScope, ops: readonly ApplyOp[]): Promise<void> {
  // Rows written take the scope's two ids and nothing else the caller's object may hold.
  const ctx = { tx, scope: { communeId: scope.communeId, householdId: scope.householdId }, now: new Date() };
  for (const op of ops) await (APPLY[op.action] as (ctx: ApplyContext, op: ApplyOp) => Promise<void>)(ctx, op);
  // The file's "last changed" date, shown to agents.
  await tx
    .update(households)
    .set({ updatedAt: sql`now()` })
    .where(and(eq(households.id, scope.householdId), eq(households.communeId, scope.communeId)));
}

const MAX_CODE_ATTEMPTS = 5;

/**
 * Accepting a new family's pre-registration ("household.create"), on the decision's transaction: the household
 * (with the id the request targets), its responsables and their preferences, its children, its bank data, a fresh
 * code abonné, and the subscription of the account that asked ("agent" method: the town granted it).
 * A code taken by another household is drawn again; ON CONFLICT DO NOTHING keeps the transaction usable.
 * Throws ApplyTargetMissingError when the requesting account is gone or no longer of the commune.
 */
export async function createHouseholdFromRequest(
  tx: Db,
  params: {
    communeId: string;
    householdId: string;
    userId: string | null;
    plan: HouseholdCreatePlan;
    generateCode?: () => string;
  },
): Promise<{ householdId: string; subscriberCode: string; childIds: string[] }> {
  const { communeId, householdId, plan } = params;
  if (!params.userId)
    throw new ApplyTargetMissingError("the account that asked for the new household no longer exists");
  const [account] = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.id, params.userId), eq(users.communeId, communeId), eq(users.role, "family")));
  if (!account) throw new ApplyTargetMissingError("the account that asked for the new household no longer exists");

  const generate = params.generateCode ?? generateSubscriberCode;
  let subscriberCode: string | null = null;
  for (let attempt = 0; attempt < MAX_CODE_ATTEMPTS && !subscriberCode; attempt++) {
    const code = generate();
    const inserted = await tx
      .insert(households)
      .values({ id: householdId, communeId, name: plan.name, subscriberCode: code })
      .onConflictDoNothing({ target: [households.communeId, households.subscriberCode] })
      .returning({ id: households.id });
    if (inserted.length) subscriberCode = code;
  }
  if (!subscriberCode) throw new Error("could not draw a free subscriber code");

  const owned = { communeId, householdId };
  for (const guardian of plan.guardians) {
    const [row] = await tx
      .insert(guardians)
      .values({ ...guardian.values, ...owned })
      .returning({ id: guardians.id });
    await tx.insert(guardianPreferences).values({ ...guardian.preferences, ...owned, guardianId: row!.id });
  }
  // One row at a time: the ids come back in the plan's order, which the wishes per child follow.
  const childIds: string[] = [];
  for (const child of plan.children) {
    const [row] = await tx
      .insert(children)
      .values({ ...child, ...owned })
      .returning({ id: children.id });
    childIds.push(row!.id);
  }
  if (plan.bank) await tx.insert(bankAccounts).values({ ...plan.bank, ...owned });
  await tx.insert(subscriptions).values({ communeId, householdId, userId: account.id, method: "agent" });
  return { householdId, subscriberCode, childIds };
}

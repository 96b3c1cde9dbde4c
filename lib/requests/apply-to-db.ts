import "server-only";
import { and, eq, ne, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import {
  authorizedAdults,
  bankAccounts,
  childAuthorizations,
  childHealth,
  children,
  childVaccinations,
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

/**
 * Runs planApply()'s operations, in order, on the decision's transaction. Every statement is scoped by the
 * request's commune and household, and each must touch its row: otherwise it throws and nothing is kept.
 */
export async function runApplyOps(tx: Db, scope: HouseholdScope, ops: readonly ApplyOp[]): Promise<void> {
  const now = new Date();
  const owned = { communeId: scope.communeId, householdId: scope.householdId };
  const mustTouch = (rows: unknown[], op: ApplyOp) => {
    if (rows.length === 0) throw new ApplyTargetMissingError(op);
  };
  const childOfHousehold = async (childId: string, op: ApplyOp) =>
    mustTouch(
      await tx
        .select({ id: children.id })
        .from(children)
        .where(
          and(
            eq(children.id, childId),
            eq(children.householdId, scope.householdId),
            eq(children.communeId, scope.communeId),
          ),
        ),
      op,
    );
  const guardianOfHousehold = async (guardianId: string, op: ApplyOp) =>
    mustTouch(
      await tx
        .select({ id: guardians.id })
        .from(guardians)
        .where(
          and(
            eq(guardians.id, guardianId),
            eq(guardians.householdId, scope.householdId),
            eq(guardians.communeId, scope.communeId),
          ),
        ),
      op,
    );

  for (const op of ops) {
    switch (op.action) {
      case "clearBenefitRecipient":
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
        break;
      case "update":
        if (op.table === "guardians") {
          mustTouch(
            await tx
              .update(guardians)
              .set(op.values)
              .where(
                and(
                  eq(guardians.id, op.id),
                  eq(guardians.householdId, scope.householdId),
                  eq(guardians.communeId, scope.communeId),
                ),
              )
              .returning({ id: guardians.id }),
            op,
          );
        } else if (op.table === "children") {
          mustTouch(
            await tx
              .update(children)
              .set(op.values)
              .where(
                and(
                  eq(children.id, op.id),
                  eq(children.householdId, scope.householdId),
                  eq(children.communeId, scope.communeId),
                ),
              )
              .returning({ id: children.id }),
            op,
          );
        } else {
          mustTouch(
            await tx
              .update(authorizedAdults)
              .set({ ...op.values, updatedAt: now })
              .where(
                and(
                  eq(authorizedAdults.id, op.id),
                  eq(authorizedAdults.householdId, scope.householdId),
                  eq(authorizedAdults.communeId, scope.communeId),
                ),
              )
              .returning({ id: authorizedAdults.id }),
            op,
          );
        }
        break;
      case "upsert":
        if (op.table === "guardianPreferences") {
          await guardianOfHousehold(op.id, op);
          await tx
            .insert(guardianPreferences)
            .values({ ...op.values, ...owned, guardianId: op.id, updatedAt: now })
            .onConflictDoUpdate({ target: guardianPreferences.guardianId, set: { ...op.values, updatedAt: now } });
        } else if (op.table === "childAuthorizations") {
          await childOfHousehold(op.id, op);
          await tx
            .insert(childAuthorizations)
            .values({ ...op.values, ...owned, childId: op.id, updatedAt: now })
            .onConflictDoUpdate({ target: childAuthorizations.childId, set: { ...op.values, updatedAt: now } });
        } else if (op.table === "childHealth") {
          await childOfHousehold(op.id, op);
          await tx
            .insert(childHealth)
            .values({ ...op.values, ...owned, childId: op.id, updatedAt: now })
            .onConflictDoUpdate({ target: childHealth.childId, set: { ...op.values, updatedAt: now } });
        } else {
          if (op.id !== scope.householdId) throw new ApplyTargetMissingError(op);
          await tx
            .insert(bankAccounts)
            .values({ ...op.values, householdId: scope.householdId, communeId: scope.communeId, updatedAt: now })
            .onConflictDoUpdate({ target: bankAccounts.householdId, set: { ...op.values, updatedAt: now } });
        }
        break;
      case "insert":
        await childOfHousehold(op.childId, op);
        await tx.insert(authorizedAdults).values({
          lastName: "",
          firstName: "",
          relationship: "",
          ...op.values,
          ...owned,
          id: op.id,
          childId: op.childId,
        });
        break;
      case "delete":
        mustTouch(
          await tx
            .delete(authorizedAdults)
            .where(
              and(
                eq(authorizedAdults.id, op.id),
                eq(authorizedAdults.householdId, scope.householdId),
                eq(authorizedAdults.communeId, scope.communeId),
              ),
            )
            .returning({ id: authorizedAdults.id }),
          op,
        );
        break;
      case "replaceVaccinations":
        await childOfHousehold(op.childId, op);
        await tx
          .delete(childVaccinations)
          .where(
            and(
              eq(childVaccinations.childId, op.childId),
              eq(childVaccinations.householdId, scope.householdId),
              eq(childVaccinations.communeId, scope.communeId),
            ),
          );
        if (op.vaccinations.length) {
          await tx
            .insert(childVaccinations)
            .values(
              op.vaccinations.map((v) => ({ ...owned, childId: op.childId, name: v.name, vaccinatedOn: v.date })),
            );
        }
        break;
    }
  }
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
): Promise<{ householdId: string; subscriberCode: string }> {
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
  if (plan.children.length) await tx.insert(children).values(plan.children.map((c) => ({ ...c, ...owned })));
  if (plan.bank) await tx.insert(bankAccounts).values({ ...plan.bank, ...owned });
  await tx.insert(subscriptions).values({ communeId, householdId, userId: account.id, method: "agent" });
  return { householdId, subscriberCode };
}

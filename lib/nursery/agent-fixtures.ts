import type { Db } from "@/db/client";
import { insertSubscribedFamily } from "@/lib/documents/test-fixtures";
import { insertNurseryApplication, insertNurseryCommune } from "./test-fixtures";

/*
 * The town side's test rows, over the module's shared fixtures: a commune whose structures are "Les Petits Loups"
 * (1 bébé, 2 moyens, 2 grands) and "Les Lucioles" (the same), and applications each of another household (as a
 * commission sees them), in any state.
 */

export async function insertNurseryTown(db: Db) {
  const base = await insertNurseryCommune(db);
  return { ...base, structures: { petitsLoups: base.structure, lucioles: base.otherStructure } };
}

/** An application of a new subscribed household of the commune (so its mails have a recipient). */
export async function insertHouseholdApplication(
  db: Db,
  params: { communeId: string; structureIds: string[]; set?: Parameters<typeof insertNurseryApplication>[1]["set"] },
) {
  const family = await insertSubscribedFamily(db, params.communeId);
  return insertNurseryApplication(db, {
    communeId: params.communeId,
    householdId: family.householdId,
    userId: family.family.id,
    structureIds: params.structureIds,
    set: params.set,
  });
}

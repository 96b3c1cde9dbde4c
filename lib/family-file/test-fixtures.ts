import type { Db } from "@/db/client";
import { children, guardians, households } from "@/db/schema";
import { insertUser } from "@/lib/testing/fixtures";

let counter = 0;

/** A household with two responsables (the first one allocataire) and one child, plus a family account and an agent. */
export async function insertFamily(db: Db, communeId: string, name = `FAMILLE${++counter}`) {
  const [household] = await db
    .insert(households)
    .values({
      communeId,
      name,
      subscriberCode: `CODE${++counter}${Date.now().toString(36).toUpperCase()}`.slice(0, 16),
    })
    .returning();
  const householdId = household!.id;
  const [first, second] = await db
    .insert(guardians)
    .values([
      {
        communeId,
        householdId,
        rank: 1,
        civility: "MME",
        lastName: name,
        firstName: "Claire",
        mobilePhone: "06 12 34 56 78",
        postcode: "38330",
        isPayer: true,
        isBenefitRecipient: true,
      },
      {
        communeId,
        householdId,
        rank: 2,
        civility: "M",
        lastName: name,
        firstName: "Paul",
        mobilePhone: "07 11 22 33 44",
      },
    ])
    .returning();
  const [child] = await db
    .insert(children)
    .values({ communeId, householdId, lastName: name, firstName: "Léa", birthDate: "2017-04-02", sex: "F" })
    .returning();
  const family = await insertUser(db, communeId, "family");
  const agent = await insertUser(db, communeId, "agent");
  return {
    household: household!,
    householdId,
    guardian: first!,
    secondGuardian: second!,
    child: child!,
    family,
    agent,
    scope: { communeId, householdId },
  };
}

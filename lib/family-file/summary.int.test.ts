import { describe, expect, it } from "vitest";
import { authorizedAdults, children } from "@/db/schema";
import { newAuthorizedAdultId, submitChange } from "@/lib/requests/submit-change";
import { insertCommune } from "@/lib/testing/fixtures";
import { setUpTestDatabase } from "@/lib/testing/set-up-test-database";
import { readFamilyFileSummaries } from "./summary";
import { insertFamily } from "./test-fixtures";

const database = setUpTestDatabase();

describe("readFamilyFileSummaries", () => {
  it("lists each household's members in order, marking those a pending change is about", async () => {
    const db = database.db;
    const commune = await insertCommune(db);
    const a = await insertFamily(db, commune.id);
    const b = await insertFamily(db, commune.id);
    const [younger] = await db
      .insert(children)
      .values({ ...a.scope, lastName: "A", firstName: "Tom", birthDate: "2019-05-06", sex: "M" })
      .returning();
    const [adult] = await db
      .insert(authorizedAdults)
      .values({ ...b.scope, childId: b.child.id, lastName: "DUPONT", firstName: "Jo", relationship: "Voisin" })
      .returning();
    await submitChange(db, {
      ...a.scope,
      userId: a.family.id,
      type: "guardian.update",
      targetId: a.secondGuardian.id,
      proposed: { mobilePhone: "07 00 00 00 01" },
    });
    await submitChange(db, {
      ...a.scope,
      userId: a.family.id,
      type: "authorized_adult.add",
      targetId: newAuthorizedAdultId(),
      proposed: { childId: a.child.id, lastName: "MARTIN", firstName: "Max", relationship: "Oncle" },
    });
    await submitChange(db, {
      ...b.scope,
      userId: b.family.id,
      type: "authorized_adult.remove",
      targetId: adult!.id,
      proposed: {},
    });

    const [summaryB, summaryA] = await readFamilyFileSummaries(db, {
      communeId: commune.id,
      householdIds: [b.householdId, a.householdId],
    });
    expect(summaryA!.guardians.map((g) => [g.firstName, g.pending])).toEqual([
      ["Claire", false],
      ["Paul", true],
    ]);
    expect(summaryA!.children.map((c) => [c.id, c.pending])).toEqual([
      [a.child.id, true],
      [younger!.id, false],
    ]);
    expect(summaryB!.guardians.every((g) => !g.pending)).toBe(true);
    expect(summaryB!.children).toEqual([
      { id: b.child.id, firstName: "Léa", lastName: b.child.lastName, pending: true },
    ]);
  });

  it("reads nothing of another commune's household", async () => {
    const db = database.db;
    const commune = await insertCommune(db);
    const other = await insertCommune(db);
    const family = await insertFamily(db, other.id);
    const [summary] = await readFamilyFileSummaries(db, { communeId: commune.id, householdIds: [family.householdId] });
    expect(summary).toEqual({ guardians: [], children: [] });
  });
});

import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { readFamilyFile } from "@/lib/family-file/read";
import { insertFamily } from "@/lib/family-file/test-fixtures";
import { insertCommune } from "@/lib/testing/fixtures";
import { setUpTestDatabase } from "@/lib/testing/set-up-test-database";
import { children, requests } from "./schema";
import { seedFamilyFile } from "./seed-family-file";

const database = setUpTestDatabase();
beforeAll(async () => {});

describe("seedFamilyFile", () => {
  it("fills the demo file and requests in every state, and changes nothing the second time", async () => {
    const db = database.db;
    const commune = await insertCommune(db);
    const f = await insertFamily(db, commune.id);
    await db.insert(children).values({
      communeId: commune.id,
      householdId: f.householdId,
      lastName: f.household.name,
      firstName: "Hugo",
      birthDate: "2018-09-30",
      sex: "M",
    });
    const params = {
      communeId: commune.id,
      householdId: f.householdId,
      familyUserId: f.family.id,
      agentUserId: f.agent.id,
    };
    await seedFamilyFile(db, params);
    await seedFamilyFile(db, params);
    const rows = await db.select().from(requests).where(eq(requests.householdId, f.householdId));
    expect(rows.map((r) => `${r.type}:${r.status}`).sort()).toEqual([
      "authorized_adult.add:pending",
      "child.update:refused",
      "guardian.update:accepted",
      "guardian.update:pending",
    ]);
    expect(rows.filter((r) => r.familyUnreadCount > 0)).toHaveLength(2);
    const file = await readFamilyFile(db, {
      communeId: commune.id,
      householdId: f.householdId,
      viewer: { kind: "family", userId: f.family.id },
    });
    expect(file!.bank.values.ibanMasked).toBe("FR76 •••• •••• •••• •••• •••• 189");
    expect(file!.children[0]!.values.allergies).toBe("Arachide");
    expect(file!.children[0]!.vaccinations.values.vaccinations).toHaveLength(2);
    expect(file!.children[0]!.authorizedAdults).toHaveLength(1);
  });
});

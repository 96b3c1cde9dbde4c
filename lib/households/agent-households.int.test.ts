import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { regenerateSubscriberCodeAction } from "@/app/[commune]/agent/familles/[id]/actions";
import type { DatabaseHandle } from "@/db/client";
import { demo } from "@/db/demo-data";
import { auditLog, households } from "@/db/schema";
import { listSubscriptions } from "@/lib/subscriptions/subscribe";
import { formData, signInAs } from "@/lib/testing/harness";
import { searchHouseholds } from "./agent-search";
import { accountByEmail, communeBySlugForTest, householdByCode, openDemoDatabase } from "./demo-fixture";
import { findHouseholdDetail } from "./household-detail";
import { regenerateSubscriberCode } from "./regenerate-code";

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await openDemoDatabase();
});
afterAll(async () => {
  await handle.close();
});

const OTHER_COMMUNE_CODE = "PTT2M6R8VB";
const codeOf = async (id: string) =>
  (await handle.db.select().from(households).where(eq(households.id, id)))[0]!.subscriberCode;
const auditRowsFor = (id: string) => handle.db.select().from(auditLog).where(eq(auditLog.targetId, id));

describe("Régénérer le code abonné", () => {
  it("gives a new code, records who did it and keeps the existing subscriptions", async () => {
    const agent = await accountByEmail(handle.db, "demo", demo.agent.email);
    const family = await accountByEmail(handle.db, "demo", demo.family.email);
    const martin = await householdByCode(handle.db, "demo", demo.subscribedCode);
    signInAs(agent, "demo");

    const result = await regenerateSubscriberCodeAction("demo", null, formData({ householdId: martin.id }));

    expect(result).toMatchObject({ ok: true });
    const newCode = await codeOf(martin.id);
    expect(newCode).not.toBe(demo.subscribedCode);
    expect(result?.message).toContain(newCode);
    expect(await auditRowsFor(martin.id)).toMatchObject([
      { action: "household.code_regenerated", actorUserId: agent.id, targetType: "household" },
    ]);
    const kept = await listSubscriptions(handle.db, { communeId: martin.communeId, userId: family.id });
    expect(kept.map((s) => s.householdId)).toContain(martin.id);
  });

  it("draws again when the new code collides with another household's", async () => {
    const agent = await accountByEmail(handle.db, "demo", demo.agent.email);
    const durand = await householdByCode(handle.db, "demo", demo.unsubscribedCode);
    const martinCode = (await handle.db.select().from(households).where(eq(households.name, "MARTIN")))[0]!
      .subscriberCode;
    const draws = [martinCode, "NEWCODE234"];
    const result = await regenerateSubscriberCode(handle.db, {
      communeId: durand.communeId,
      householdId: durand.id,
      actorUserId: agent.id,
      generateCode: () => draws.shift()!,
    });
    expect(result).toEqual({ code: "NEWCODE234" });
    expect(await codeOf(durand.id)).toBe("NEWCODE234");
    expect(await auditRowsFor(durand.id)).toHaveLength(1);
  });

  it("is refused to a family account: nothing changes", async () => {
    const family = await accountByEmail(handle.db, "demo", demo.family.email);
    const durand = await householdByCode(handle.db, "demo", "NEWCODE234");
    signInAs(family, "demo");
    const result = await regenerateSubscriberCodeAction("demo", null, formData({ householdId: durand.id }));
    expect(result).toMatchObject({ ok: false, message: "Vous n'avez pas accès à cette action." });
    expect(await codeOf(durand.id)).toBe("NEWCODE234");
  });

  it("never reaches a household of another commune, even with its id", async () => {
    const agent = await accountByEmail(handle.db, "demo", demo.agent.email);
    const petit = await householdByCode(handle.db, "autreville", OTHER_COMMUNE_CODE);
    signInAs(agent, "demo");

    const inOwnCommune = await regenerateSubscriberCodeAction("demo", null, formData({ householdId: petit.id }));
    expect(inOwnCommune).toMatchObject({ ok: false, message: "Dossier famille introuvable." });
    // Posting the other commune's slug does not help: the session is of "demo".
    const inOtherCommune = await regenerateSubscriberCodeAction(
      "autreville",
      null,
      formData({ householdId: petit.id }),
    );
    expect(inOtherCommune).toMatchObject({ ok: false });
    expect(await codeOf(petit.id)).toBe(OTHER_COMMUNE_CODE);
    expect(await auditRowsFor(petit.id)).toHaveLength(0);
  });

  it("answers a malformed id with a message, not an error", async () => {
    signInAs(await accountByEmail(handle.db, "demo", demo.agent.email), "demo");
    const result = await regenerateSubscriberCodeAction("demo", null, formData({ householdId: "1' or '1'='1" }));
    expect(result).toMatchObject({ ok: false, fieldErrors: { householdId: ["Dossier famille introuvable."] } });
  });
});

describe("agents' household look-ups", () => {
  it("find by family name, responsable's name or e-mail and code, within the commune only", async () => {
    const town = await communeBySlugForTest(handle.db, "demo");
    const names = async (query: string) =>
      (await searchHouseholds(handle.db, { communeId: town.id, query, page: 1 })).households.map((h) => h.name);
    expect(await names("")).toEqual([
      "BLANC",
      "CHEVALIER",
      "DURAND",
      "FAURE",
      "GARNIER",
      "GIRARD",
      "LEFEBVRE",
      "MARTIN",
      "MOREAU",
      "MOREL",
      "PERRIN",
      "ROUSSEL",
    ]);
    expect(await names("mart")).toEqual(["MARTIN"]);
    expect(await names("Karim")).toEqual(["DURAND"]);
    expect(await names("julien.martin@")).toEqual(["MARTIN"]);
    expect(await names("newcode234")).toEqual(["DURAND"]);
    expect(await names("%")).toEqual([]);
    expect(await names("PETIT")).toEqual([]);
    expect(await names(OTHER_COMMUNE_CODE)).toEqual([]);
  });

  it("show a household only to its own commune", async () => {
    const town = await communeBySlugForTest(handle.db, "demo");
    const petit = await householdByCode(handle.db, "autreville", OTHER_COMMUNE_CODE);
    expect(await findHouseholdDetail(handle.db, { communeId: town.id, householdId: petit.id })).toBeNull();
    const own = await findHouseholdDetail(handle.db, { communeId: petit.communeId, householdId: petit.id });
    expect(own).toMatchObject({
      name: "PETIT",
      guardians: [{ firstName: "Louis" }],
      children: [{ firstName: "Nina" }],
    });
  });

  it("page results 20 at a time, a page past the end showing the last", async () => {
    const town = await communeBySlugForTest(handle.db, "demo");
    await handle.db.insert(households).values(
      Array.from({ length: 25 }, (_, i) => ({
        communeId: town.id,
        name: `PAGE${String(i).padStart(2, "0")}`,
        subscriberCode: `PAGECODE${String(i).padStart(2, "0")}`,
      })),
    );
    const second = await searchHouseholds(handle.db, { communeId: town.id, query: "page", page: 2 });
    expect(second).toMatchObject({ total: 25, page: 2, pageCount: 2 });
    expect(second.households).toHaveLength(5);
    expect((await searchHouseholds(handle.db, { communeId: town.id, query: "page", page: 99 })).page).toBe(2);
  });
});

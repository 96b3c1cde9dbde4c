import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { auditLog, bankAccounts, guardians } from "@/db/schema";
import { newAuthorizedAdultId, submitChange } from "@/lib/requests/submit-change";
import { insertCommune } from "@/lib/testing/fixtures";
import { setUpTestDatabase } from "@/lib/testing/set-up-test-database";
import { fieldView, readFamilyFile } from "./read";
import { insertFamily } from "./test-fixtures";

const database = setUpTestDatabase();
beforeAll(async () => {});

describe("readFamilyFile", () => {
  it("returns validated values with the pending ones beside them, IBANs masked", async () => {
    const db = database.db;
    const commune = await insertCommune(db);
    const f = await insertFamily(db, commune.id);
    await db.insert(bankAccounts).values({
      householdId: f.householdId,
      communeId: commune.id,
      iban: "FR7630006000011234567890189",
      bic: "BNPAFRPP",
      holderName: "C",
    });
    const base = { ...f.scope, userId: f.family.id };
    await submitChange(db, {
      ...base,
      type: "guardian.update",
      targetId: f.guardian.id,
      proposed: { mobilePhone: "07 00 00 00 01" },
    });
    await submitChange(db, {
      ...base,
      type: "bank.update",
      targetId: f.householdId,
      proposed: { iban: "DE89370400440532013000" },
    });
    await submitChange(db, {
      ...base,
      type: "child.update",
      targetId: f.child.id,
      proposed: { allergies: "Arachide" },
    });
    await submitChange(db, {
      ...base,
      type: "authorized_adult.add",
      targetId: newAuthorizedAdultId(),
      proposed: { childId: f.child.id, lastName: "DUPONT", firstName: "Jo", relationship: "Voisin" },
    });

    const file = await readFamilyFile(db, { ...f.scope, viewer: { kind: "family", userId: f.family.id } });
    expect(file).not.toBeNull();
    const guardian = file!.guardians[0]!;
    expect(fieldView(guardian, "mobilePhone")).toMatchObject({
      value: "06 12 34 56 78",
      pending: true,
      pendingValue: "07 00 00 00 01",
    });
    expect(fieldView(guardian, "firstName")).toEqual({ value: "Claire", pending: false });
    expect(fieldView(guardian, "acceptsEmail")).toEqual({ value: true, pending: false });
    expect(file!.bank.values.ibanMasked).toBe("FR76 •••• •••• •••• •••• •••• 189");
    expect(fieldView(file!.bank, "ibanMasked")).toMatchObject({
      pending: true,
      pendingValue: "DE89 •••• •••• •••• •••0 00",
    });
    expect(JSON.stringify(file)).not.toContain("FR7630006000011234567890189");
    expect(JSON.stringify(file)).not.toContain("DE89370400440532013000");
    const child = file!.children[0]!;
    expect(fieldView(child, "allergies")).toMatchObject({ value: null, pending: true, pendingValue: "Arachide" });
    expect(child.pendingAdditions.map((p) => p.values.firstName)).toEqual(["Jo"]);
    expect(await db.select().from(auditLog).where(eq(auditLog.communeId, commune.id))).toHaveLength(0);
  });

  it("returns null for another commune's household and audits agents' reads of health data", async () => {
    const db = database.db;
    const commune = await insertCommune(db);
    const other = await insertCommune(db);
    const f = await insertFamily(db, commune.id);
    expect(
      await readFamilyFile(db, {
        communeId: other.id,
        householdId: f.householdId,
        viewer: { kind: "agent", userId: f.agent.id },
      }),
    ).toBeNull();
    await readFamilyFile(db, { ...f.scope, viewer: { kind: "agent", userId: f.agent.id } });
    const audits = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.communeId, commune.id), eq(auditLog.action, "child.health_read")));
    expect(audits).toMatchObject([
      { actorUserId: f.agent.id, targetId: f.householdId, details: { childIds: [f.child.id] } },
    ]);
  });

  it("enforces one CAF/MSA allocataire per household in the database", async () => {
    const db = database.db;
    const commune = await insertCommune(db);
    const f = await insertFamily(db, commune.id);
    await expect(
      db.update(guardians).set({ isBenefitRecipient: true }).where(eq(guardians.id, f.secondGuardian.id)),
    ).rejects.toThrow();
  });
});

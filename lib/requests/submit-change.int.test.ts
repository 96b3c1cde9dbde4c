import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { guardians } from "@/db/schema";
import { insertFamily } from "@/lib/family-file/test-fixtures";
import { getHouseholdRequest } from "./detail";
import { referenceYear } from "./reference";
import { newAuthorizedAdultId, submitChange } from "./submit-change";
import { pendingRows, proposeChange, setUpRequestsTest } from "./test-fixtures";

const { db, setup } = setUpRequestsTest();

describe("submitChange", () => {
  it("creates a pending request with a reference, the diff and its history", async () => {
    const f = await setup();
    const result = await submitChange(db(), {
      ...f.scope,
      userId: f.family.id,
      type: "guardian.update",
      targetId: f.guardian.id,
      proposed: { firstName: "Claire", mobilePhone: "+33 6 99 88 77 66", acceptsSms: true },
    });
    expect(result).toMatchObject({ ok: true, outcome: "created" });
    if (!result.ok || !result.request) throw new Error("expected a request");
    expect(result.request.reference).toBe(`D${referenceYear(new Date())}-000001`);
    expect(result.request.payload).toEqual({ mobilePhone: "06 99 88 77 66", acceptsSms: true });
    expect(result.request.before).toEqual({ mobilePhone: "06 12 34 56 78", acceptsSms: false });
    expect(result.request.subject).toBe(`Claire ${f.household.name}`);

    const detail = await getHouseholdRequest(db(), { ...f.scope, requestId: result.request.id });
    expect(detail?.typeLabel).toBe("Modification du responsable");
    expect(detail?.statusLabel).toBe("En cours");
    expect(detail?.changes.map((c) => [c.label, c.beforeText, c.afterText])).toEqual([
      ["Téléphone portable", "06 12 34 56 78", "06 99 88 77 66"],
      ["Accepte de recevoir des SMS", "Non", "Oui"],
    ]);
    expect(detail?.history.map((e) => e.kind)).toEqual(["created", "transmitted"]);
    // Nothing is applied before the town decides.
    const [guardian] = await db().select().from(guardians).where(eq(guardians.id, f.guardian.id));
    expect(guardian?.mobilePhone).toBe("06 12 34 56 78");
  });

  it("updates the pending request on a second change to the same data (one row), keeping the first form's part", async () => {
    const f = await setup();
    const base = { ...f.scope, userId: f.family.id, type: "guardian.update" as const, targetId: f.guardian.id };
    const first = await submitChange(db(), { ...base, proposed: { mobilePhone: "06 99 88 77 66" } });
    const second = await submitChange(db(), {
      ...base,
      proposed: { postcode: "38000", mobilePhone: "06 55 44 33 22" },
    });
    expect(second).toMatchObject({ ok: true, outcome: "updated" });
    const rows = await pendingRows(db(), f.householdId);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.id).toBe(first.ok ? first.request?.id : null);
    expect(rows[0]!.payload).toEqual({ mobilePhone: "06 55 44 33 22", postcode: "38000" });
    const detail = await getHouseholdRequest(db(), { ...f.scope, requestId: rows[0]!.id });
    expect(detail?.history.map((e) => e.kind)).toEqual(["created", "transmitted", "updated"]);
  });

  it("does not create a request when nothing differs, and withdraws a pending one that is put back", async () => {
    const f = await setup();
    const base = { ...f.scope, userId: f.family.id, type: "guardian.update" as const, targetId: f.guardian.id };
    expect(await submitChange(db(), { ...base, proposed: { firstName: " Claire ", quality: "" } })).toMatchObject({
      ok: true,
      outcome: "unchanged",
      request: null,
    });
    await submitChange(db(), { ...base, proposed: { quality: "Mère" } });
    expect(await submitChange(db(), { ...base, proposed: { quality: "  " } })).toMatchObject({
      ok: true,
      outcome: "withdrawn",
    });
    expect(await pendingRows(db(), f.householdId)).toHaveLength(0);
  });

  it("keeps separate pending requests for different data", async () => {
    const f = await setup();
    await proposeChange(db(), f, "guardian.update", f.guardian.id, { quality: "Mère" });
    await proposeChange(db(), f, "guardian.update", f.secondGuardian.id, { quality: "Père" });
    await proposeChange(db(), f, "child.update", f.child.id, { allergies: "Arachide" });
    expect(await pendingRows(db(), f.householdId)).toHaveLength(3);
  });

  it("refuses another household's record by id", async () => {
    const f = await setup();
    const other = await insertFamily(db(), f.commune.id);
    const attempt = (type: "guardian.update" | "child.update" | "vaccinations.update", targetId: string) =>
      submitChange(db(), {
        ...f.scope,
        userId: f.family.id,
        type,
        targetId,
        proposed: { firstName: "Pirate", vaccinations: [] },
      });
    expect(await attempt("guardian.update", other.guardian.id)).toEqual({ ok: false, reason: "not_found" });
    expect(await attempt("child.update", other.child.id)).toEqual({ ok: false, reason: "not_found" });
    expect(await attempt("vaccinations.update", other.child.id)).toEqual({ ok: false, reason: "not_found" });
    expect(
      await submitChange(db(), {
        ...f.scope,
        userId: f.family.id,
        type: "household.create" as "child.update",
        targetId: f.householdId,
        proposed: {},
      }),
    ).toEqual({ ok: false, reason: "not_found" });
    expect(
      await submitChange(db(), {
        ...f.scope,
        userId: f.family.id,
        type: "bank.update",
        targetId: other.householdId,
        proposed: { iban: "FR7630006000011234567890189" },
      }),
    ).toEqual({ ok: false, reason: "not_found" });
    expect(
      await submitChange(db(), {
        ...f.scope,
        userId: f.family.id,
        type: "authorized_adult.add",
        targetId: newAuthorizedAdultId(),
        proposed: { childId: other.child.id, lastName: "X", firstName: "Y", relationship: "Z" },
      }),
    ).toEqual({ ok: false, reason: "not_found" });
  });

  it("gives unique references to 20 concurrent creations", async () => {
    const f = await setup();
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        submitChange(db(), {
          ...f.scope,
          userId: f.family.id,
          type: "authorized_adult.add",
          targetId: newAuthorizedAdultId(),
          proposed: { childId: f.child.id, lastName: "DUPONT", firstName: `Adulte ${i}`, relationship: "Voisin" },
        }),
      ),
    );
    const references = results.map((r) => (r.ok ? r.request?.reference : null));
    expect(new Set(references).size).toBe(20);
    const numbers = references.map((r) => Number(r!.slice(-6))).sort((a, b) => a - b);
    expect(numbers).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
  });

  it("merges concurrent first changes to the same data into one pending request", async () => {
    const f = await setup();
    const results = await Promise.all(
      ["Mère", "Maman"].map((quality) =>
        submitChange(db(), {
          ...f.scope,
          userId: f.family.id,
          type: "guardian.update",
          targetId: f.guardian.id,
          proposed: { quality },
        }),
      ),
    );
    expect(results.map((r) => r.ok && r.outcome).sort()).toEqual(["created", "updated"]);
    expect(await pendingRows(db(), f.householdId)).toHaveLength(1);
  });
});

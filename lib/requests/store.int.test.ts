import { and, eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import {
  auditLog,
  authorizedAdults,
  bankAccounts,
  childHealth,
  childVaccinations,
  guardianPreferences,
  guardians,
  requestEvents,
  requests,
} from "@/db/schema";
import { insertFamily } from "@/lib/family-file/test-fixtures";
import { insertCommune, insertUser } from "@/lib/testing/fixtures";
import { setUpTestDatabase } from "@/lib/testing/set-up-test-database";
import { decideRequest } from "./decide";
import { referenceYear } from "./reference";
import {
  countUnreadRequests,
  getCommuneRequest,
  getHouseholdRequest,
  listCommuneRequests,
  listHouseholdRequests,
  markRequestsRead,
  newAuthorizedAdultId,
  postTownMessage,
  submitChange,
  withdrawRequest,
} from "./store";

const database = setUpTestDatabase();
beforeAll(async () => {});

const db = () => database.db;
const IBAN = "FR7630006000011234567890189";

async function setup() {
  const commune = await insertCommune(db());
  const family = await insertFamily(db(), commune.id);
  return { commune, ...family };
}

async function pendingRows(householdId: string) {
  return db()
    .select()
    .from(requests)
    .where(and(eq(requests.householdId, householdId), eq(requests.status, "pending")));
}

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
    const rows = await pendingRows(f.householdId);
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
    expect(await pendingRows(f.householdId)).toHaveLength(0);
  });

  it("keeps separate pending requests for different data", async () => {
    const f = await setup();
    await submitChange(db(), {
      ...f.scope,
      userId: f.family.id,
      type: "guardian.update",
      targetId: f.guardian.id,
      proposed: { quality: "Mère" },
    });
    await submitChange(db(), {
      ...f.scope,
      userId: f.family.id,
      type: "guardian.update",
      targetId: f.secondGuardian.id,
      proposed: { quality: "Père" },
    });
    await submitChange(db(), {
      ...f.scope,
      userId: f.family.id,
      type: "child.update",
      targetId: f.child.id,
      proposed: { allergies: "Arachide" },
    });
    expect(await pendingRows(f.householdId)).toHaveLength(3);
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
        proposed: { iban: IBAN },
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
    expect(await pendingRows(f.householdId)).toHaveLength(1);
  });
});

describe("withdrawRequest", () => {
  it("lets the family withdraw its own pending request, once", async () => {
    const f = await setup();
    const created = await submitChange(db(), {
      ...f.scope,
      userId: f.family.id,
      type: "child.update",
      targetId: f.child.id,
      proposed: { allergies: "Kiwi" },
    });
    const requestId = created.ok ? created.request!.id : "";
    expect(await withdrawRequest(db(), { ...f.scope, userId: f.family.id, requestId })).toEqual({ ok: true });
    expect(await withdrawRequest(db(), { ...f.scope, userId: f.family.id, requestId })).toEqual({
      ok: false,
      reason: "not_pending",
    });
    const detail = await getHouseholdRequest(db(), { ...f.scope, requestId });
    expect(detail?.status).toBe("withdrawn");
    expect(detail?.history.at(-1)?.kind).toBe("withdrawn");
    // A new change to the same data starts a new request.
    const again = await submitChange(db(), {
      ...f.scope,
      userId: f.family.id,
      type: "child.update",
      targetId: f.child.id,
      proposed: { allergies: "Kiwi" },
    });
    expect(again).toMatchObject({ ok: true, outcome: "created" });
  });

  it("does not let a family read or withdraw another household's request by id", async () => {
    const f = await setup();
    const other = await insertFamily(db(), f.commune.id);
    const created = await submitChange(db(), {
      ...other.scope,
      userId: other.family.id,
      type: "child.update",
      targetId: other.child.id,
      proposed: { allergies: "Œuf" },
    });
    const requestId = created.ok ? created.request!.id : "";
    expect(await getHouseholdRequest(db(), { ...f.scope, requestId })).toBeNull();
    expect(await withdrawRequest(db(), { ...f.scope, userId: f.family.id, requestId })).toEqual({
      ok: false,
      reason: "not_found",
    });
    expect(await markRequestsRead(db(), { ...f.scope, requestIds: [requestId] })).toBe(0);
    expect((await listHouseholdRequests(db(), { ...f.scope })).total).toBe(0);
    expect((await getHouseholdRequest(db(), { ...other.scope, requestId }))?.status).toBe("pending");
  });
});

describe("decideRequest", () => {
  it("does not let an agent of another commune decide, read or message a request", async () => {
    const f = await setup();
    const otherCommune = await insertCommune(db());
    const foreignAgent = await insertUser(db(), otherCommune.id, "agent");
    const created = await submitChange(db(), {
      ...f.scope,
      userId: f.family.id,
      type: "child.update",
      targetId: f.child.id,
      proposed: { allergies: "Lait" },
    });
    const requestId = created.ok ? created.request!.id : "";
    // Through its own commune, the id is unknown…
    expect(
      await decideRequest(db(), {
        communeId: otherCommune.id,
        agentUserId: foreignAgent.id,
        requestId,
        decision: "accepted",
      }),
    ).toEqual({ ok: false, reason: "not_found" });
    expect(await getCommuneRequest(db(), { communeId: otherCommune.id, requestId })).toBeNull();
    expect((await listCommuneRequests(db(), { communeId: otherCommune.id })).total).toBe(0);
    // …and claiming the request's commune does not make it staff there.
    expect(
      await decideRequest(db(), {
        communeId: f.commune.id,
        agentUserId: foreignAgent.id,
        requestId,
        decision: "accepted",
      }),
    ).toEqual({ ok: false, reason: "forbidden" });
    expect(
      await decideRequest(db(), { communeId: f.commune.id, agentUserId: f.family.id, requestId, decision: "accepted" }),
    ).toEqual({ ok: false, reason: "forbidden" });
    expect(
      await postTownMessage(db(), {
        communeId: otherCommune.id,
        agentUserId: foreignAgent.id,
        requestId,
        message: "Bonjour",
      }),
    ).toEqual({ ok: false, reason: "not_found" });
    expect((await getHouseholdRequest(db(), { ...f.scope, requestId }))?.status).toBe("pending");
  });

  it("lets exactly one of two concurrent decisions win", async () => {
    const f = await setup();
    const secondAgent = await insertUser(db(), f.commune.id, "agent");
    const created = await submitChange(db(), {
      ...f.scope,
      userId: f.family.id,
      type: "child.update",
      targetId: f.child.id,
      proposed: { allergies: "Gluten" },
    });
    const requestId = created.ok ? created.request!.id : "";
    const results = await Promise.all([
      decideRequest(db(), { communeId: f.commune.id, agentUserId: f.agent.id, requestId, decision: "accepted" }),
      decideRequest(db(), {
        communeId: f.commune.id,
        agentUserId: secondAgent.id,
        requestId,
        decision: "refused",
        message: "Pièce manquante.",
      }),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    const loser = results.find((r) => !r.ok);
    expect(loser).toMatchObject({ ok: false, reason: "already_decided" });
    const events = await db().select().from(requestEvents).where(eq(requestEvents.requestId, requestId));
    expect(events.filter((e) => e.kind === "accepted" || e.kind === "refused")).toHaveLength(1);
    const audits = await db()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.targetId, requestId), eq(auditLog.targetType, "request")));
    expect(audits).toHaveLength(1);
  });

  it("applies an accepted change to the file, audits it and tells the family", async () => {
    const f = await setup();
    const base = { ...f.scope, userId: f.family.id };
    const guardianChange = await submitChange(db(), {
      ...base,
      type: "guardian.update",
      targetId: f.secondGuardian.id,
      proposed: { mobilePhone: "06 01 02 03 04", isBenefitRecipient: true, benefitScheme: "CAF", qfFetchConsent: true },
    });
    const childChange = await submitChange(db(), {
      ...base,
      type: "child.update",
      targetId: f.child.id,
      proposed: { allergies: "Arachide", foodPractices: ["vegetarian"], photo: true, firstName: "Léa" },
    });
    const vaccines = await submitChange(db(), {
      ...base,
      type: "vaccinations.update",
      targetId: f.child.id,
      proposed: {
        vaccinations: [
          { name: "ROR", date: "2018-05-02" },
          { name: "DTP", date: "2017-06-10" },
        ],
      },
    });
    const decide = (r: typeof guardianChange) =>
      decideRequest(db(), {
        communeId: f.commune.id,
        agentUserId: f.agent.id,
        requestId: r.ok ? r.request!.id : "",
        decision: "accepted",
      });

    expect(await decide(guardianChange)).toMatchObject({ ok: true, request: { status: "accepted" } });
    const rows = await db().select().from(guardians).where(eq(guardians.householdId, f.householdId));
    const second = rows.find((g) => g.id === f.secondGuardian.id)!;
    expect(second.mobilePhone).toBe("06 01 02 03 04");
    // The allocataire moved: still one per household.
    expect(rows.filter((g) => g.isBenefitRecipient).map((g) => g.id)).toEqual([f.secondGuardian.id]);
    const [preferences] = await db()
      .select()
      .from(guardianPreferences)
      .where(eq(guardianPreferences.guardianId, f.secondGuardian.id));
    expect(preferences).toMatchObject({
      benefitScheme: "CAF",
      qfFetchConsent: true,
      acceptsEmail: true,
      householdId: f.householdId,
    });

    expect(await decide(childChange)).toMatchObject({ ok: true });
    const [health] = await db().select().from(childHealth).where(eq(childHealth.childId, f.child.id));
    expect(health).toMatchObject({ allergies: "Arachide", foodPractices: ["vegetarian"], hasPai: false });

    expect(await decide(vaccines)).toMatchObject({ ok: true });
    const vaccinations = await db().select().from(childVaccinations).where(eq(childVaccinations.childId, f.child.id));
    expect(vaccinations.map((v) => [v.name, v.vaccinatedOn]).sort()).toEqual([
      ["DTP", "2017-06-10"],
      ["ROR", "2018-05-02"],
    ]);

    const audit = await db()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.communeId, f.commune.id), eq(auditLog.action, "family_file.changed")));
    expect(audit.map((a) => a.targetId).sort()).toEqual([f.child.id, f.child.id, f.secondGuardian.id].sort());
    expect(audit.every((a) => a.actorUserId === f.agent.id)).toBe(true);

    expect(await countUnreadRequests(db(), f.scope)).toEqual({ requests: 3, messages: 3 });
    const page = await listHouseholdRequests(db(), { ...f.scope, state: "done" });
    expect(page.items.every((i) => i.unreadCount === 1 && i.statusLabel === "Acceptée")).toBe(true);
    expect(await markRequestsRead(db(), { ...f.scope, requestIds: [page.items[0]!.id] })).toBe(1);
    expect(await countUnreadRequests(db(), f.scope)).toEqual({ requests: 2, messages: 2 });
    expect(await markRequestsRead(db(), { ...f.scope, requestIds: "all" })).toBe(2);
    expect(await countUnreadRequests(db(), f.scope)).toEqual({ requests: 0, messages: 0 });
  });

  it("adds, changes and removes an authorized adult", async () => {
    const f = await setup();
    const base = { ...f.scope, userId: f.family.id };
    const agent = { communeId: f.commune.id, agentUserId: f.agent.id, decision: "accepted" as const };
    const adultId = newAuthorizedAdultId();
    const add = await submitChange(db(), {
      ...base,
      type: "authorized_adult.add",
      targetId: adultId,
      proposed: {
        childId: f.child.id,
        lastName: "DUPONT",
        firstName: "Josette",
        relationship: "Grand-mère",
        mobilePhone: "0611223344",
        mayPickUp: true,
      },
    });
    // Changing the addition before it is processed updates it.
    expect(
      await submitChange(db(), {
        ...base,
        type: "authorized_adult.add",
        targetId: adultId,
        proposed: { emergencyContact: true },
      }),
    ).toMatchObject({
      outcome: "updated",
    });
    expect(await decideRequest(db(), { ...agent, requestId: add.ok ? add.request!.id : "" })).toMatchObject({
      ok: true,
    });
    const [adult] = await db().select().from(authorizedAdults).where(eq(authorizedAdults.id, adultId));
    expect(adult).toMatchObject({
      childId: f.child.id,
      firstName: "Josette",
      mobilePhone: "06 11 22 33 44",
      emergencyContact: true,
      householdId: f.householdId,
    });

    const update = await submitChange(db(), {
      ...base,
      type: "authorized_adult.update",
      targetId: adultId,
      proposed: { relationship: "Grand-mère maternelle" },
    });
    expect(await decideRequest(db(), { ...agent, requestId: update.ok ? update.request!.id : "" })).toMatchObject({
      ok: true,
    });
    const remove = await submitChange(db(), {
      ...base,
      type: "authorized_adult.remove",
      targetId: adultId,
      proposed: {},
    });
    expect(remove).toMatchObject({ ok: true, outcome: "created" });
    expect(await decideRequest(db(), { ...agent, requestId: remove.ok ? remove.request!.id : "" })).toMatchObject({
      ok: true,
    });
    expect(await db().select().from(authorizedAdults).where(eq(authorizedAdults.id, adultId))).toHaveLength(0);
  });

  it("keeps the whole IBAN only in bank_accounts once decided", async () => {
    const f = await setup();
    const created = await submitChange(db(), {
      ...f.scope,
      userId: f.family.id,
      type: "bank.update",
      targetId: f.householdId,
      proposed: {
        iban: "fr76 3000 6000 0112 3456 7890 189",
        bic: "BNPAFRPP",
        holderName: "Claire MARTIN",
        directDebit: true,
      },
    });
    const requestId = created.ok ? created.request!.id : "";
    const detail = await getHouseholdRequest(db(), { ...f.scope, requestId });
    expect(detail?.changes.find((c) => c.key === "iban")).toMatchObject({
      after: "FR76 •••• •••• •••• •••• •••• 189",
      afterText: "FR76 •••• •••• •••• •••• •••• 189",
    });
    expect(
      await decideRequest(db(), { communeId: f.commune.id, agentUserId: f.agent.id, requestId, decision: "accepted" }),
    ).toMatchObject({ ok: true });
    const [bank] = await db().select().from(bankAccounts).where(eq(bankAccounts.householdId, f.householdId));
    expect(bank).toMatchObject({ iban: IBAN, bic: "BNPAFRPP", directDebit: true });
    const [stored] = await db().select().from(requests).where(eq(requests.id, requestId));
    expect(JSON.stringify(stored)).not.toContain(IBAN);
    const audits = await db().select().from(auditLog).where(eq(auditLog.communeId, f.commune.id));
    expect(JSON.stringify(audits)).not.toContain(IBAN);
  });

  it("leaves nothing half-written when applying fails midway", async () => {
    const f = await setup();
    const created = await submitChange(db(), {
      ...f.scope,
      userId: f.family.id,
      type: "guardian.update",
      targetId: f.guardian.id,
      proposed: { mobilePhone: "06 01 02 03 04", benefitScheme: "CAF" },
    });
    const requestId = created.ok ? created.request!.id : "";
    // A payload the first statement (guardians) accepts and the second (preferences) refuses.
    await db()
      .update(requests)
      .set({ payload: sql`jsonb_set(${requests.payload}, '{benefitScheme}', '"XYZ"')` })
      .where(eq(requests.id, requestId));
    await expect(
      decideRequest(db(), { communeId: f.commune.id, agentUserId: f.agent.id, requestId, decision: "accepted" }),
    ).rejects.toThrow();
    const [guardian] = await db().select().from(guardians).where(eq(guardians.id, f.guardian.id));
    expect(guardian?.mobilePhone).toBe("06 12 34 56 78");
    const [request] = await db().select().from(requests).where(eq(requests.id, requestId));
    expect(request).toMatchObject({ status: "pending", decidedAt: null, familyUnreadCount: 0 });
    expect(await db().select().from(auditLog).where(eq(auditLog.communeId, f.commune.id))).toHaveLength(0);
    const events = await db().select().from(requestEvents).where(eq(requestEvents.requestId, requestId));
    expect(events.map((e) => e.kind).sort()).toEqual(["created", "transmitted"]);
  });

  it("rolls back and says so when the record changed is gone", async () => {
    const f = await setup();
    const adultId = newAuthorizedAdultId();
    await db()
      .insert(authorizedAdults)
      .values({ ...f.scope, id: adultId, childId: f.child.id, lastName: "A", firstName: "B", relationship: "Voisin" });
    const created = await submitChange(db(), {
      ...f.scope,
      userId: f.family.id,
      type: "authorized_adult.update",
      targetId: adultId,
      proposed: { relationship: "Ami" },
    });
    await db().delete(authorizedAdults).where(eq(authorizedAdults.id, adultId));
    const requestId = created.ok ? created.request!.id : "";
    expect(
      await decideRequest(db(), { communeId: f.commune.id, agentUserId: f.agent.id, requestId, decision: "accepted" }),
    ).toEqual({ ok: false, reason: "target_missing" });
    expect((await getCommuneRequest(db(), { communeId: f.commune.id, requestId }))?.status).toBe("pending");
  });

  it("refuses with a message, keeping the validated value", async () => {
    const f = await setup();
    const created = await submitChange(db(), {
      ...f.scope,
      userId: f.family.id,
      type: "guardian.update",
      targetId: f.guardian.id,
      proposed: { postcode: "75001" },
    });
    const requestId = created.ok ? created.request!.id : "";
    const refuse = (message?: string) =>
      decideRequest(db(), {
        communeId: f.commune.id,
        agentUserId: f.agent.id,
        requestId,
        decision: "refused",
        message,
      });
    expect(await refuse("   ")).toEqual({ ok: false, reason: "message_required" });
    expect(await refuse("Merci de joindre un justificatif de domicile.")).toMatchObject({
      ok: true,
      request: { status: "refused" },
    });
    const [guardian] = await db().select().from(guardians).where(eq(guardians.id, f.guardian.id));
    expect(guardian?.postcode).toBe("38330");
    const detail = await getHouseholdRequest(db(), { ...f.scope, requestId });
    expect(detail).toMatchObject({
      status: "refused",
      statusLabel: "Refusée",
      decisionMessage: "Merci de joindre un justificatif de domicile.",
      unreadCount: 1,
    });
    expect(detail?.history.at(-1)).toMatchObject({
      kind: "refused",
      side: "town",
      message: "Merci de joindre un justificatif de domicile.",
    });
    expect(await refuse("Encore")).toMatchObject({ ok: false, reason: "already_decided", status: "refused" });
  });
});

describe("lists", () => {
  it("filters by type, state and reference, and pages", async () => {
    const f = await setup();
    const base = { ...f.scope, userId: f.family.id };
    for (let i = 0; i < 5; i++) {
      await submitChange(db(), {
        ...base,
        type: "authorized_adult.add",
        targetId: newAuthorizedAdultId(),
        proposed: { childId: f.child.id, lastName: "X", firstName: `P${i}`, relationship: "Ami" },
      });
    }
    const guardianChange = await submitChange(db(), {
      ...base,
      type: "guardian.update",
      targetId: f.guardian.id,
      proposed: { quality: "Mère" },
    });
    await withdrawRequest(db(), { ...base, requestId: guardianChange.ok ? guardianChange.request!.id : "" });

    expect((await listHouseholdRequests(db(), { ...f.scope })).total).toBe(6);
    expect((await listHouseholdRequests(db(), { ...f.scope, state: "open" })).total).toBe(5);
    const done = await listHouseholdRequests(db(), { ...f.scope, state: "done" });
    expect(done.items.map((i) => [i.typeLabel, i.statusLabel])).toEqual([["Modification du responsable", "Retirée"]]);
    expect((await listHouseholdRequests(db(), { ...f.scope, types: ["guardian.update"] })).total).toBe(1);
    const reference = guardianChange.ok ? guardianChange.request!.reference : "";
    const byReference = await listHouseholdRequests(db(), { ...f.scope, reference: reference.toLowerCase() });
    expect(byReference.items.map((i) => i.reference)).toEqual([reference]);
    expect((await listHouseholdRequests(db(), { ...f.scope, reference: "00000" })).total).toBe(6);

    const page1 = await listHouseholdRequests(db(), { ...f.scope, pageSize: 4 });
    const page2 = await listHouseholdRequests(db(), { ...f.scope, pageSize: 4, page: 2 });
    expect([page1.items.length, page2.items.length, page1.pageCount]).toEqual([4, 2, 2]);
    expect(new Set([...page1.items, ...page2.items].map((i) => i.id)).size).toBe(6);

    const inbox = await listCommuneRequests(db(), {
      communeId: f.commune.id,
      status: "pending",
      search: f.household.name.toLowerCase(),
    });
    expect(inbox.total).toBe(5);
    expect(inbox.items[0]?.householdName).toBe(f.household.name);
  });

  it("counts a town message as unread and shows it in the history", async () => {
    const f = await setup();
    const created = await submitChange(db(), {
      ...f.scope,
      userId: f.family.id,
      type: "child.update",
      targetId: f.child.id,
      proposed: { doctorName: "Dr Martin" },
    });
    const requestId = created.ok ? created.request!.id : "";
    expect(
      await postTownMessage(db(), {
        communeId: f.commune.id,
        agentUserId: f.agent.id,
        requestId,
        message: "Pouvez-vous préciser le téléphone ?",
      }),
    ).toEqual({ ok: true });
    const detail = await getHouseholdRequest(db(), { ...f.scope, requestId });
    expect(detail?.unreadCount).toBe(1);
    expect(detail?.history.at(-1)).toMatchObject({ kind: "message", side: "town", actorName: "Alice TEST" });
  });
});

import { and, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
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
import { insertCommune, insertUser } from "@/lib/testing/fixtures";
import { decideRequest } from "./decide";
import { getCommuneRequest, getHouseholdRequest } from "./detail";
import { listCommuneRequests, listHouseholdRequests } from "./lists";
import { countUnreadRequests, markRequestsRead, postTownMessage } from "./messages";
import { newAuthorizedAdultId, submitChange } from "./submit-change";
import { proposeChange, setUpRequestsTest } from "./test-fixtures";

const { db, setup } = setUpRequestsTest();
const IBAN = "FR7630006000011234567890189";

describe("decideRequest", () => {
  it("does not let an agent of another commune decide, read or message a request", async () => {
    const f = await setup();
    const otherCommune = await insertCommune(db());
    const foreignAgent = await insertUser(db(), otherCommune.id, "agent");
    const requestId = await proposeChange(db(), f, "child.update", f.child.id, { allergies: "Lait" });
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
    const requestId = await proposeChange(db(), f, "child.update", f.child.id, { allergies: "Gluten" });
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
    const longAgo = new Date("2020-01-01T00:00:00Z");
    await db().update(authorizedAdults).set({ updatedAt: longAgo }).where(eq(authorizedAdults.id, adultId));
    expect(await decideRequest(db(), { ...agent, requestId: update.ok ? update.request!.id : "" })).toMatchObject({
      ok: true,
    });
    // The change is applied, and the adult's own "last changed" date moves with it.
    const [changed] = await db().select().from(authorizedAdults).where(eq(authorizedAdults.id, adultId));
    expect(changed?.relationship).toBe("Grand-mère maternelle");
    expect(changed!.updatedAt.getTime()).toBeGreaterThan(longAgo.getTime());
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
    const requestId = await proposeChange(db(), f, "guardian.update", f.guardian.id, {
      mobilePhone: "06 01 02 03 04",
      benefitScheme: "CAF",
    });
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
    const requestId = await proposeChange(db(), f, "authorized_adult.update", adultId, { relationship: "Ami" });
    await db().delete(authorizedAdults).where(eq(authorizedAdults.id, adultId));
    expect(
      await decideRequest(db(), { communeId: f.commune.id, agentUserId: f.agent.id, requestId, decision: "accepted" }),
    ).toEqual({ ok: false, reason: "target_missing" });
    expect((await getCommuneRequest(db(), { communeId: f.commune.id, requestId }))?.status).toBe("pending");
  });

  it("refuses with a message, keeping the validated value", async () => {
    const f = await setup();
    const requestId = await proposeChange(db(), f, "guardian.update", f.guardian.id, { postcode: "75001" });
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

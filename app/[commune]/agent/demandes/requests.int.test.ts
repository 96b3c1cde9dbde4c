import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { updateFamilyQuotientAction } from "@/app/[commune]/agent/familles/[id]/actions-quotient";
import { auditLog, guardians, households, mailOutbox, requests, subscriptions } from "@/db/schema";
import { listHouseholdAudit } from "@/lib/agents/audit-read";
import { openRequestForAgent } from "@/lib/agents/requests";
import { insertFamily } from "@/lib/family-file/test-fixtures";
import { decideRequest } from "@/lib/requests/decide";
import { getCommuneRequest } from "@/lib/requests/detail";
import { submitChange } from "@/lib/requests/submit-change";
import { insertCommune, insertUser } from "@/lib/testing/fixtures";
import { formData, signInAs } from "@/lib/testing/harness";
import { setUpTestDatabase } from "@/lib/testing/set-up-test-database";
import { decideRequestsAction, postTownMessageAction } from "./actions";

const database = setUpTestDatabase();
beforeAll(async () => {});

const db = () => database.db;
const REFUSED_ACCESS = "Vous n'avez pas accès à cette action.";

/** A commune with one household, its subscribed family account and an agent. */
async function setup() {
  const commune = await insertCommune(db());
  const family = await insertFamily(db(), commune.id);
  await db().insert(subscriptions).values({
    communeId: commune.id,
    userId: family.family.id,
    householdId: family.householdId,
    method: "subscriber_code",
  });
  return { commune, ...family };
}

type Family = Awaited<ReturnType<typeof setup>>;

async function phoneChange(f: Family, mobilePhone = "06 99 88 77 66") {
  const result = await submitChange(db(), {
    ...f.scope,
    userId: f.family.id,
    type: "guardian.update",
    targetId: f.guardian.id,
    proposed: { mobilePhone },
  });
  if (!result.ok || !result.request) throw new Error("expected a request");
  return result.request;
}

async function allergyChange(f: Family) {
  const result = await submitChange(db(), {
    ...f.scope,
    userId: f.family.id,
    type: "child.update",
    targetId: f.child.id,
    proposed: { allergies: "Arachide" },
  });
  if (!result.ok || !result.request) throw new Error("expected a request");
  return result.request;
}

const statusOf = async (id: string) => (await db().select().from(requests).where(eq(requests.id, id)))[0]!.status;
const phoneOf = async (id: string) => (await db().select().from(guardians).where(eq(guardians.id, id)))[0]!.mobilePhone;
const mailsTo = (to: string) => db().select().from(mailOutbox).where(eq(mailOutbox.to, to));

describe("deciding requests", () => {
  it("accepting applies the change and mails the household's account", async () => {
    const f = await setup();
    const request = await phoneChange(f);
    signInAs(f.agent, f.commune.slug);

    const result = await decideRequestsAction(
      f.commune.slug,
      null,
      formData({ requestIds: request.id, decision: "accepted", message: "" }),
    );

    expect(result).toMatchObject({
      ok: true,
      message: `${request.reference} : acceptée, la modification est appliquée au dossier famille.`,
    });
    expect(await phoneOf(f.guardian.id)).toBe("06 99 88 77 66");
    const mails = await mailsTo(f.family.email);
    expect(mails).toHaveLength(1);
    expect(mails[0]).toMatchObject({
      template: "request-decision",
      subject: `Votre demande ${request.reference} « Modification du responsable » a été acceptée`,
    });
    expect(mails[0]!.html).toContain(`/${f.commune.slug}/mon-espace-citoyen/mes-demandes/${request.id}`);
  });

  it("refusing requires a message, then mails it to the family", async () => {
    const f = await setup();
    const request = await phoneChange(f);
    signInAs(f.agent, f.commune.slug);

    const withoutMessage = await decideRequestsAction(
      f.commune.slug,
      null,
      formData({ requestIds: request.id, decision: "refused", message: "  " }),
    );
    expect(withoutMessage).toMatchObject({
      ok: false,
      fieldErrors: { message: ["Saisissez le message expliquant le refus à la famille."] },
    });
    expect(await statusOf(request.id)).toBe("pending");
    expect(await mailsTo(f.family.email)).toHaveLength(0);

    const refused = await decideRequestsAction(
      f.commune.slug,
      null,
      formData({ requestIds: request.id, decision: "refused", message: "Numéro non attribué." }),
    );
    expect(refused).toMatchObject({ ok: true });
    expect(await statusOf(request.id)).toBe("refused");
    expect(await phoneOf(f.guardian.id)).toBe("06 12 34 56 78");
    const [mail] = await mailsTo(f.family.email);
    expect(mail?.subject).toBe(`Votre demande ${request.reference} « Modification du responsable » a été refusée`);
    expect(mail?.text).toContain("Numéro non attribué.");
  });

  it("tells the agent when another agent decided first", async () => {
    const f = await setup();
    const request = await phoneChange(f);
    const otherAgent = await insertUser(db(), f.commune.id, "agent");
    await decideRequest(db(), {
      communeId: f.commune.id,
      agentUserId: otherAgent.id,
      requestId: request.id,
      decision: "accepted",
    });
    signInAs(f.agent, f.commune.slug);

    const result = await decideRequestsAction(
      f.commune.slug,
      null,
      formData({ requestIds: request.id, decision: "refused", message: "Non." }),
    );

    expect(result).toMatchObject({ ok: false, message: "Cette demande a déjà été traitée par un autre agent." });
    expect(await statusOf(request.id)).toBe("accepted");
  });

  it("reports each request of a selection, including one already decided", async () => {
    const f = await setup();
    const phone = await phoneChange(f);
    const allergy = await allergyChange(f);
    const otherAgent = await insertUser(db(), f.commune.id, "agent");
    await decideRequest(db(), {
      communeId: f.commune.id,
      agentUserId: otherAgent.id,
      requestId: allergy.id,
      decision: "refused",
      message: "Certificat médical requis.",
    });
    signInAs(f.agent, f.commune.slug);

    const result = await decideRequestsAction(
      f.commune.slug,
      null,
      formData({ requestIds: [phone.id, allergy.id], decision: "accepted" }),
    );

    expect(result?.ok).toBe(false);
    expect(result?.message?.split("\n")).toEqual([
      "1 demande(s) sur 2 traitée(s).",
      `${phone.reference} : acceptée, la modification est appliquée au dossier famille.`,
      `${allergy.reference} : déjà traitée par un autre agent (Refusée).`,
    ]);
    expect(await statusOf(allergy.id)).toBe("refused");
    expect(await phoneOf(f.guardian.id)).toBe("06 99 88 77 66");
    // One mail per decision: the other agent's refusal and this agent's acceptance, none for the refused attempt.
    expect(await mailsTo(f.family.email)).toHaveLength(2);
  });

  it("records an agent's read of a child's health change in the audit trail", async () => {
    const f = await setup();
    const allergy = await allergyChange(f);
    const detail = await openRequestForAgent(db(), {
      communeId: f.commune.id,
      agentUserId: f.agent.id,
      requestId: allergy.id,
    });
    expect(detail?.changes.map((c) => c.label)).toEqual(["Allergies"]);
    const reads = await db()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "child.health_read"), eq(auditLog.targetId, f.householdId)));
    expect(reads).toMatchObject([{ actorUserId: f.agent.id, details: { reference: allergy.reference } }]);
  });
});

describe("who may act", () => {
  it("refuses every agent action to a family account: nothing changes", async () => {
    const f = await setup();
    const request = await phoneChange(f);
    signInAs(f.family, f.commune.slug);

    const calls = [
      decideRequestsAction(f.commune.slug, null, formData({ requestIds: request.id, decision: "accepted" })),
      decideRequestsAction(
        f.commune.slug,
        null,
        formData({ requestIds: [request.id, request.id], decision: "refused", message: "x" }),
      ),
      postTownMessageAction(f.commune.slug, null, formData({ requestId: request.id, message: "Bonjour" })),
      updateFamilyQuotientAction(f.commune.slug, null, formData({ householdId: f.householdId, familyQuotient: "1" })),
    ];
    for (const result of await Promise.all(calls)) expect(result).toMatchObject({ ok: false, message: REFUSED_ACCESS });

    expect(await statusOf(request.id)).toBe("pending");
    const detail = await getCommuneRequest(db(), { communeId: f.commune.id, requestId: request.id });
    expect(detail?.history.map((e) => e.kind)).toEqual(["created", "transmitted"]);
    const [household] = await db().select().from(households).where(eq(households.id, f.householdId));
    expect(household?.familyQuotient).toBeNull();
  });

  it("keeps an agent of commune A away from commune B's requests and households, even with their ids", async () => {
    const a = await setup();
    const b = await setup();
    const request = await phoneChange(b);
    signInAs(a.agent, a.commune.slug);

    const decided = await decideRequestsAction(
      a.commune.slug,
      null,
      formData({ requestIds: request.id, decision: "accepted" }),
    );
    expect(decided).toMatchObject({ ok: false, message: "Demande : demande introuvable." });
    const message = await postTownMessageAction(
      a.commune.slug,
      null,
      formData({ requestId: request.id, message: "Bonjour" }),
    );
    expect(message).toMatchObject({ ok: false, message: "Demande introuvable." });
    const quotient = await updateFamilyQuotientAction(
      a.commune.slug,
      null,
      formData({ householdId: b.householdId, familyQuotient: "500" }),
    );
    expect(quotient).toMatchObject({ ok: false, message: "Dossier famille introuvable." });
    // Posting commune B's slug does not help: the session is of commune A.
    const viaOtherSlug = await decideRequestsAction(
      b.commune.slug,
      null,
      formData({ requestIds: request.id, decision: "accepted" }),
    );
    expect(viaOtherSlug).toMatchObject({ ok: false });

    expect(await statusOf(request.id)).toBe("pending");
    expect(await phoneOf(b.guardian.id)).toBe("06 12 34 56 78");
    expect(
      await openRequestForAgent(db(), { communeId: a.commune.id, agentUserId: a.agent.id, requestId: request.id }),
    ).toBeNull();
  });

  it("answers malformed ids with a field error, not a failure", async () => {
    const f = await setup();
    signInAs(f.agent, f.commune.slug);
    const result = await decideRequestsAction(
      f.commune.slug,
      null,
      formData({ requestIds: "1' or '1'='1", decision: "accepted" }),
    );
    expect(result).toMatchObject({ ok: false, fieldErrors: { "requestIds.0": ["Demande introuvable."] } });
    const none = await decideRequestsAction(f.commune.slug, null, formData({ decision: "accepted" }));
    expect(none).toMatchObject({ ok: false, fieldErrors: { requestIds: ["Sélectionnez au moins une demande."] } });
  });
});

describe("quotient familial set by an agent", () => {
  it("updates the household and records before/after in its history", async () => {
    const f = await setup();
    await db().update(households).set({ familyQuotient: 650 }).where(eq(households.id, f.householdId));
    signInAs(f.agent, f.commune.slug);

    const result = await updateFamilyQuotientAction(
      f.commune.slug,
      null,
      formData({ householdId: f.householdId, familyQuotient: "720" }),
    );

    expect(result).toMatchObject({ ok: true, message: "Le quotient familial est maintenant de 720." });
    const [household] = await db().select().from(households).where(eq(households.id, f.householdId));
    expect(household?.familyQuotient).toBe(720);
    const history = await listHouseholdAudit(db(), { communeId: f.commune.id, householdId: f.householdId });
    expect(history).toMatchObject([
      {
        actionLabel: "Quotient familial modifié",
        detail: "650 → 720",
        actorName: `${f.agent.firstName} ${f.agent.lastName}`,
      },
    ]);
  });

  it("refuses a value that is not a whole number ≥ 0", async () => {
    const f = await setup();
    signInAs(f.agent, f.commune.slug);
    for (const familyQuotient of ["-3", "12,5", "abc", ""]) {
      const result = await updateFamilyQuotientAction(
        f.commune.slug,
        null,
        formData({ householdId: f.householdId, familyQuotient }),
      );
      expect(result).toMatchObject({ ok: false, fieldErrors: { familyQuotient: [expect.any(String)] } });
    }
    expect(await listHouseholdAudit(db(), { communeId: f.commune.id, householdId: f.householdId })).toEqual([]);
  });
});

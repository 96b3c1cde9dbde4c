import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { regenerateSubscriberCodeAction } from "@/app/[commune]/agent/familles/[id]/actions";
import type { DatabaseHandle } from "@/db/client";
import { demo } from "@/db/demo-data";
import { accountTokens, auditLog, mailOutbox, userSessions, users } from "@/db/schema";
import { DUPLICATE_EMAIL_MESSAGE } from "@/lib/agents/schemas";
import { accountByEmail, householdByCode, openDemoDatabase } from "@/lib/households/demo-fixture";
import { currentSession, formData, harness, signInAs } from "@/lib/testing/harness";
import { createStaffAccountAction, resendStaffInvitationAction, setStaffAccountStatusAction } from "./actions";

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await openDemoDatabase();
});
afterAll(async () => {
  await handle.close();
});

const newAgent = {
  civility: "MME",
  lastName: "NOUVELLE",
  firstName: "Anne",
  email: "Anne.Nouvelle@demo.fr",
  role: "agent",
};
const accountsWithEmail = (email: string) => handle.db.select().from(users).where(eq(users.email, email));
const signInAsDemo = async (email: string) => signInAs(await accountByEmail(handle.db, "demo", email), "demo");

describe("Créer un compte agent", () => {
  it("is refused to a family and to an agent: nothing is created", async () => {
    for (const email of [demo.family.email, demo.agent.email]) {
      await signInAsDemo(email);
      const result = await createStaffAccountAction("demo", null, formData(newAgent));
      expect(result).toMatchObject({ ok: false, message: "Vous n'avez pas accès à cette action." });
    }
    expect(await accountsWithEmail("anne.nouvelle@demo.fr")).toHaveLength(0);
  });

  it("creates a pending account, a password link and the invitation mail, and audits it", async () => {
    const admin = await accountByEmail(handle.db, "demo", demo.admin.email);
    signInAs(admin, "demo");

    const result = await createStaffAccountAction("demo", null, formData(newAgent));

    expect(result).toMatchObject({ ok: true });
    const [created] = await accountsWithEmail("anne.nouvelle@demo.fr");
    expect(created).toMatchObject({ role: "agent", status: "pending", communeId: admin.communeId });
    const tokens = await handle.db.select().from(accountTokens).where(eq(accountTokens.userId, created!.id));
    expect(tokens).toMatchObject([{ purpose: "password_reset", usedAt: null }]);
    const [mail] = await handle.db.select().from(mailOutbox).where(eq(mailOutbox.to, "anne.nouvelle@demo.fr"));
    expect(mail).toMatchObject({ template: "agent-invitation", communeId: admin.communeId });
    expect(mail!.text).toContain("http://localhost:3000/demo/reinitialiser-mot-de-passe?jeton=");
    const audit = await handle.db.select().from(auditLog).where(eq(auditLog.targetId, created!.id));
    expect(audit).toMatchObject([{ action: "account.created", actorUserId: admin.id }]);
  });

  it("refuses an e-mail that already has an account in the commune, on the field", async () => {
    await signInAsDemo(demo.admin.email);
    for (const email of ["anne.nouvelle@demo.fr", demo.family.email]) {
      const result = await createStaffAccountAction("demo", null, formData({ ...newAgent, email }));
      expect(result).toMatchObject({ ok: false, fieldErrors: { email: [DUPLICATE_EMAIL_MESSAGE] } });
    }
  });

  it("resends the invitation of a pending account only", async () => {
    await signInAsDemo(demo.admin.email);
    const pending = await accountByEmail(handle.db, "demo", "anne.nouvelle@demo.fr");
    expect(await resendStaffInvitationAction("demo", null, formData({ userId: pending.id }))).toMatchObject({
      ok: true,
    });
    expect(await handle.db.select().from(mailOutbox).where(eq(mailOutbox.to, pending.email))).toHaveLength(2);
    const active = await accountByEmail(handle.db, "demo", demo.agent.email);
    expect(await resendStaffInvitationAction("demo", null, formData({ userId: active.id }))).toMatchObject({
      ok: false,
    });
  });
});

describe("Désactiver / Réactiver", () => {
  it("ends the agent's sessions at once, and reactivation gives the account back", async () => {
    const agentBefore = await accountByEmail(handle.db, "demo", demo.agent.email);
    signInAs(agentBefore, "demo");
    const agentSession = await currentSession();
    await signInAsDemo(demo.admin.email);

    expect(
      await setStaffAccountStatusAction("demo", null, formData({ userId: agentBefore.id, status: "disabled" })),
    ).toMatchObject({ ok: true });
    const disabled = await accountByEmail(handle.db, "demo", demo.agent.email);
    expect(disabled).toMatchObject({ status: "disabled" });
    const [revoked] = await handle.db
      .select()
      .from(userSessions)
      .where(eq(userSessions.id, agentSession!.user.sessionId));
    expect(revoked!.revokedAt).not.toBeNull();

    // The agent's existing session is refused straight away.
    harness.session = agentSession;
    const martin = await householdByCode(handle.db, "demo", demo.subscribedCode);
    expect(await regenerateSubscriberCodeAction("demo", null, formData({ householdId: martin.id }))).toMatchObject({
      ok: false,
      message: "Votre session a expiré. Veuillez vous reconnecter.",
    });

    await signInAsDemo(demo.admin.email);
    expect(
      await setStaffAccountStatusAction("demo", null, formData({ userId: agentBefore.id, status: "active" })),
    ).toMatchObject({ ok: true });
    expect(await accountByEmail(handle.db, "demo", demo.agent.email)).toMatchObject({ status: "active" });
    const audit = await handle.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(eq(auditLog.targetId, agentBefore.id));
    expect(audit.map((a) => a.action).sort()).toEqual(["account.disabled", "account.reactivated"]);
  });

  it("brings a never-activated account back to pending, not active", async () => {
    await signInAsDemo(demo.admin.email);
    const pending = await accountByEmail(handle.db, "demo", "anne.nouvelle@demo.fr");
    await setStaffAccountStatusAction("demo", null, formData({ userId: pending.id, status: "disabled" }));
    await setStaffAccountStatusAction("demo", null, formData({ userId: pending.id, status: "active" }));
    expect(await accountByEmail(handle.db, "demo", pending.email)).toMatchObject({ status: "pending" });
  });

  it("does not let an admin disable themself, a family account or another commune's account", async () => {
    const admin = await accountByEmail(handle.db, "demo", demo.admin.email);
    signInAs(admin, "demo");
    const targets = [
      admin,
      await accountByEmail(handle.db, "demo", demo.family.email),
      await accountByEmail(handle.db, "autreville", demo.otherFamily.email),
    ];
    for (const target of targets) {
      const result = await setStaffAccountStatusAction(
        "demo",
        null,
        formData({ userId: target.id, status: "disabled" }),
      );
      expect(result).toMatchObject({ ok: false });
      const [after] = await handle.db.select().from(users).where(eq(users.id, target.id));
      expect(after).toMatchObject({ status: "active" });
    }
  });

  it("is refused to an agent", async () => {
    await signInAsDemo(demo.agent.email);
    const admin = await accountByEmail(handle.db, "demo", demo.admin.email);
    const result = await setStaffAccountStatusAction("demo", null, formData({ userId: admin.id, status: "disabled" }));
    expect(result).toMatchObject({ ok: false, message: "Vous n'avez pas accès à cette action." });
    expect(await accountByEmail(handle.db, "demo", demo.admin.email)).toMatchObject({ status: "active" });
  });
});

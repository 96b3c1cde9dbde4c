import { and, eq, isNotNull } from "drizzle-orm";
import { Secret, TOTP } from "otpauth";
import { beforeEach, describe, expect, it } from "vitest";
import { createStaffAccountAction, setAgentSecondFactorRequirementAction } from "@/app/[commune]/agent/comptes/actions";
import { logIn } from "@/app/[commune]/connexion/actions";
import {
  confirmEnrolmentAction,
  verifyRecoveryCodeAction,
  verifySecondFactorAction,
} from "@/app/[commune]/double-authentification/actions";
import { auditLog, type Commune, recoveryCodes, totpFactors, type User, userSessions } from "@/db/schema";
import { KNOWN_PASSWORD, seedAccount, useFreshIp } from "@/lib/accounts/test-fixtures";
import { findSecondFactorChallenge, findSessionUser } from "@/lib/auth/session";
import { redirectTarget } from "@/lib/households/demo-fixture";
import { insertCommune, insertUser } from "@/lib/testing/fixtures";
import { formData, harness, signInAs } from "@/lib/testing/harness";
import { setUpTestDatabase } from "@/lib/testing/set-up-test-database";
import { addConfirmedFactor, secondFactorSummary, startEnrolment } from "./store";

const database = setUpTestDatabase();
const SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";
const code = (secret = SECRET, offsetSteps = 0) =>
  TOTP.generate({ secret: Secret.fromBase32(secret), timestamp: Date.now() + offsetSteps * 30_000 });

let commune: Commune;
beforeEach(async () => {
  commune = await insertCommune(database.db);
  harness.signIns = [];
  useFreshIp();
});

async function enrolledStaff(role: "admin" | "agent" = "admin"): Promise<User> {
  const user = await insertUser(database.db, commune.id, role);
  await addConfirmedFactor(database.db, { communeId: commune.id, userId: user.id, secret: SECRET });
  return user;
}
const verify = (value: string, retour?: string) =>
  verifySecondFactorAction(commune.slug, null, formData({ code: value, retour }));
const sessionRow = async (id: string) =>
  (await database.db.select().from(userSessions).where(eq(userSessions.id, id)))[0]!;

describe("login of staff with a second factor", () => {
  it("sends an admin to the second factor after the password, with the page they were going to", async () => {
    await seedAccount(database.db, commune, { email: "admin@exemple.fr", role: "admin" });
    await seedAccount(database.db, commune, { email: "agent@exemple.fr", role: "agent" });
    await logIn(commune.slug, null, formData({ email: "admin@exemple.fr", password: KNOWN_PASSWORD }));
    await logIn(commune.slug, null, formData({ email: "agent@exemple.fr", password: KNOWN_PASSWORD }));
    const targets = harness.signIns.map((call) => (call as [string, { redirectTo: string }])[1].redirectTo);
    expect(targets).toEqual([
      `/${commune.slug}/double-authentification?retour=%2F${commune.slug}%2Fagent`,
      `/${commune.slug}/agent`,
    ]);
  });

  it("does not sign in a session waiting for its code, for any page or action", async () => {
    const admin = await enrolledStaff();
    signInAs(admin, commune.slug, { secondFactor: "pending" });
    expect(await findSessionUser(database.db, commune.id)).toBeNull();
    expect(await findSecondFactorChallenge(database.db, commune.id)).toMatchObject({
      user: { id: admin.id },
      secondFactor: "verify",
    });
    const result = await createStaffAccountAction(
      commune.slug,
      null,
      formData({ civility: "M", lastName: "X", firstName: "Y", email: "x@exemple.fr", role: "agent" }),
    );
    expect(result).toMatchObject({ ok: false, message: "Votre session a expiré. Veuillez vous reconnecter." });
  });

  it("accepts the code once, signs the session in and goes on to the page asked for", async () => {
    const admin = await enrolledStaff();
    const sessionId = signInAs(admin, commune.slug, { secondFactor: "pending" });
    const current = code();
    expect(await redirectTarget(verify(current, `/${commune.slug}/agent/comptes`))).toBe(
      `/${commune.slug}/agent/comptes`,
    );
    expect((await sessionRow(sessionId)).secondFactorAt).not.toBeNull();
    expect((await findSessionUser(database.db, commune.id))?.id).toBe(admin.id);

    // The same code on another login (someone who saw it over the shoulder) is refused.
    signInAs(admin, commune.slug, { secondFactor: "pending" });
    expect(await verify(current)).toMatchObject({
      ok: false,
      fieldErrors: { code: ["Ce code a déjà été utilisé. Attendez le code suivant de votre application."] },
    });
    expect(await findSessionUser(database.db, commune.id)).toBeNull();
    // The next one is accepted (one step of clock drift is allowed).
    expect(await redirectTarget(verify(code(SECRET, 1)))).toBe(`/${commune.slug}/agent`);
  });

  it("accepts one of two simultaneous uses of a code, never both", async () => {
    const admin = await enrolledStaff();
    signInAs(admin, commune.slug, { secondFactor: "pending" });
    const current = code();
    const results = await Promise.allSettled([verify(current), verify(current), verify(current)]);
    expect(
      results.filter(
        (r) => r.status === "rejected" && String((r.reason as { digest?: string }).digest).startsWith("NEXT_REDIRECT"),
      ),
    ).toHaveLength(1);
  });

  it("refuses a wrong code next to the field, then stops trying after five wrong codes, even the right one", async () => {
    const admin = await enrolledStaff();
    signInAs(admin, commune.slug, { secondFactor: "pending" });
    const wrong = code() === "000000" ? "111111" : "000000";
    expect(await verify("12a")).toMatchObject({
      ok: false,
      fieldErrors: { code: ["Saisissez le code à 6 chiffres affiché par votre application."] },
    });
    for (let i = 0; i < 5; i++) {
      expect(await verify(wrong)).toMatchObject({
        ok: false,
        fieldErrors: { code: ["Code incorrect. Vérifiez l'heure de votre téléphone et réessayez."] },
      });
    }
    expect(await verify(code())).toMatchObject({
      ok: false,
      message: expect.stringMatching(/^Trop de tentatives. Réessayez dans \d+ minutes?\.$/),
    });
    expect(await findSessionUser(database.db, commune.id)).toBeNull();
  });

  it("checks no more than five wrong codes of many sent at once", async () => {
    const admin = await enrolledStaff();
    signInAs(admin, commune.slug, { secondFactor: "pending" });
    const wrong = code() === "000000" ? "111111" : "000000";
    const results = await Promise.all(Array.from({ length: 12 }, () => verify(wrong)));
    expect(results.filter((r) => r?.ok === false && r.fieldErrors.code)).toHaveLength(5);
    expect(results.filter((r) => r?.ok === false && r.message.startsWith("Trop de tentatives"))).toHaveLength(7);
  });

  it("lets a right code through after a few wrong ones: only wrong codes count", async () => {
    const admin = await enrolledStaff();
    for (let i = 0; i < 6; i++) {
      signInAs(admin, commune.slug, { secondFactor: "pending" });
      if (i % 2) await verify("000001");
      else await redirectTarget(verify(code(SECRET, i / 2 - 1)));
    }
  });
});

describe("recovery codes", () => {
  it("are given once at enrolment, stored hashed, and each signs in one session only", async () => {
    const admin = await insertUser(database.db, commune.id, "admin");
    const sessionId = signInAs(admin, commune.slug, { secondFactor: "pending" });
    expect(await findSecondFactorChallenge(database.db, commune.id)).toMatchObject({ secondFactor: "enrol" });
    const secret = await startEnrolment(database.db, { communeId: commune.id, userId: admin.id });
    expect(await startEnrolment(database.db, { communeId: commune.id, userId: admin.id })).toBe(secret); // a reload shows the same QR code

    const enrolled = await confirmEnrolmentAction(commune.slug, null, formData({ code: code(secret!) }));
    expect(enrolled).toMatchObject({ ok: true, data: { recoveryCodes: expect.any(Array) } });
    const codes = (enrolled as { data: { recoveryCodes: string[] } }).data.recoveryCodes;
    expect(codes).toHaveLength(10);
    expect((await sessionRow(sessionId)).secondFactorAt).not.toBeNull();
    const stored = await database.db.select().from(recoveryCodes).where(eq(recoveryCodes.userId, admin.id));
    expect(stored).toHaveLength(10);
    expect(stored.map((r) => r.codeHash)).not.toContain(codes[0]);
    // A confirmed factor cannot be replaced by someone who only knows the password.
    expect(await startEnrolment(database.db, { communeId: commune.id, userId: admin.id })).toBeNull();

    signInAs(admin, commune.slug, { secondFactor: "pending" });
    expect(await confirmEnrolmentAction(commune.slug, null, formData({ code: code(secret!, 1) }))).toMatchObject({
      ok: false,
    });
    const submitFirstCode = () =>
      verifyRecoveryCodeAction(commune.slug, null, formData({ recoveryCode: codes[0]!.toLowerCase() }));
    const attempts = await Promise.allSettled([submitFirstCode(), submitFirstCode(), submitFirstCode()]);
    expect(attempts.map((a) => a.status).sort()).toEqual(["fulfilled", "fulfilled", "rejected"]); // one redirect, two refusals
    signInAs(admin, commune.slug, { secondFactor: "pending" });
    expect(await verifyRecoveryCodeAction(commune.slug, null, formData({ recoveryCode: codes[0]! }))).toMatchObject({
      ok: false,
      fieldErrors: { recoveryCode: ["Ce code de secours est incorrect ou a déjà été utilisé."] },
    });
    expect(await verifyRecoveryCodeAction(commune.slug, null, formData({ recoveryCode: "abc" }))).toMatchObject({
      ok: false,
      fieldErrors: { recoveryCode: [expect.any(String)] },
    });
    expect(await findSessionUser(database.db, commune.id)).toBeNull();
    const used = await database.db
      .select()
      .from(recoveryCodes)
      .where(and(eq(recoveryCodes.userId, admin.id), isNotNull(recoveryCodes.usedAt)));
    expect(used).toHaveLength(1);
    expect(
      await database.db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.targetId, admin.id), eq(auditLog.action, "account.recovery_code_used"))),
    ).toHaveLength(1);
  });

  it("are only used by a session waiting for the factor of that account", async () => {
    const family = await insertUser(database.db, commune.id, "family");
    signInAs(family, commune.slug);
    expect(
      await verifyRecoveryCodeAction(commune.slug, null, formData({ recoveryCode: "ABCD-EFGH-JK01-MNPQ" })),
    ).toMatchObject({ ok: false });
    expect(await confirmEnrolmentAction(commune.slug, null, formData({ code: "123456" }))).toMatchObject({ ok: false });
  });
});

describe("agents", () => {
  it("need the factor once their commune requires it (live sessions included), and set by an admin, audited", async () => {
    const agent = await insertUser(database.db, commune.id, "agent");
    signInAs(agent, commune.slug, { secondFactor: "pending" });
    expect((await findSessionUser(database.db, commune.id))?.id).toBe(agent.id);
    expect(await setAgentSecondFactorRequirementAction(commune.slug, null, formData({ required: true }))).toMatchObject(
      { ok: false, message: "Vous n'avez pas accès à cette action." },
    );

    const admin = await enrolledStaff();
    signInAs(admin, commune.slug);
    expect(await setAgentSecondFactorRequirementAction(commune.slug, null, formData({ required: true }))).toMatchObject(
      { ok: true },
    );
    expect(
      await database.db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.communeId, commune.id), eq(auditLog.action, "commune.agent_second_factor_changed"))),
    ).toMatchObject([{ actorUserId: admin.id, details: { required: true } }]);

    signInAs(agent, commune.slug, { secondFactor: "pending" });
    expect(await findSessionUser(database.db, commune.id)).toBeNull();
    expect(await findSecondFactorChallenge(database.db, commune.id)).toMatchObject({ secondFactor: "enrol" });
  });

  it("who enrolled of their own accord need it at each login", async () => {
    const agent = await insertUser(database.db, commune.id, "agent");
    signInAs(agent, commune.slug);
    const secret = await startEnrolment(database.db, { communeId: commune.id, userId: agent.id });
    expect(await secondFactorSummary(database.db, { communeId: commune.id, userId: agent.id })).toBeNull();
    expect(await confirmEnrolmentAction(commune.slug, null, formData({ code: code(secret!) }))).toMatchObject({
      ok: true,
    });
    expect((await findSessionUser(database.db, commune.id))?.id).toBe(agent.id);
    expect(await secondFactorSummary(database.db, { communeId: commune.id, userId: agent.id })).toMatchObject({
      recoveryCodesLeft: 10,
    });

    signInAs(agent, commune.slug, { secondFactor: "pending" });
    expect(await findSessionUser(database.db, commune.id)).toBeNull();
    expect(await findSecondFactorChallenge(database.db, commune.id)).toMatchObject({ secondFactor: "verify" });
    expect(
      (await database.db.select().from(totpFactors).where(eq(totpFactors.userId, agent.id)))[0]!.encryptedSecret,
    ).not.toContain(secret!);
  });
});

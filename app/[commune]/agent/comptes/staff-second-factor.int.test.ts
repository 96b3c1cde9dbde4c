import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, recoveryCodes, totpFactors, userSessions } from "@/db/schema";
import { addConfirmedFactor } from "@/lib/auth/second-factor/store";
import { insertCommune, insertUser } from "@/lib/testing/fixtures";
import { currentSession, formData, signInAs } from "@/lib/testing/harness";
import { setUpTestDatabase } from "@/lib/testing/set-up-test-database";
import { resetStaffSecondFactorAction } from "./actions";

const database = setUpTestDatabase();
const SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";

async function staffWithFactor(communeId: string, role: "admin" | "agent") {
  const user = await insertUser(database.db, communeId, role);
  await addConfirmedFactor(database.db, { communeId, userId: user.id, secret: SECRET });
  await database.db.insert(recoveryCodes).values({ communeId, userId: user.id, codeHash: "x" });
  return user;
}
const factorOf = (userId: string) => database.db.select().from(totpFactors).where(eq(totpFactors.userId, userId));
const reset = (slug: string, userId: string) => resetStaffSecondFactorAction(slug, null, formData({ userId }));

describe("Réinitialiser la double authentification", () => {
  it("deletes a colleague's factor and recovery codes, ends their sessions, and audits it", async () => {
    const commune = await insertCommune(database.db);
    const colleague = await staffWithFactor(commune.id, "agent");
    const colleagueSession = signInAs(colleague, commune.slug);
    await currentSession();
    const admin = await staffWithFactor(commune.id, "admin");
    signInAs(admin, commune.slug);

    expect(await reset(commune.slug, colleague.id)).toMatchObject({ ok: true });
    expect(await factorOf(colleague.id)).toHaveLength(0);
    expect(await database.db.select().from(recoveryCodes).where(eq(recoveryCodes.userId, colleague.id))).toHaveLength(
      0,
    );
    expect(
      (await database.db.select().from(userSessions).where(eq(userSessions.id, colleagueSession)))[0]!.revokedAt,
    ).not.toBeNull();
    expect(
      await database.db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.targetId, colleague.id), eq(auditLog.action, "account.second_factor_reset"))),
    ).toMatchObject([{ actorUserId: admin.id }]);
    expect(await reset(commune.slug, colleague.id)).toMatchObject({
      ok: false,
      message: "Ce compte n'a pas de double authentification à réinitialiser.",
    });
  });

  it("is refused to an agent, for the admin's own factor, and for another commune's account", async () => {
    const [commune, other] = [await insertCommune(database.db), await insertCommune(database.db)];
    const admin = await staffWithFactor(commune.id, "admin");
    const colleague = await staffWithFactor(commune.id, "admin");
    const stranger = await staffWithFactor(other.id, "admin");

    signInAs(await insertUser(database.db, commune.id, "agent"), commune.slug);
    expect(await reset(commune.slug, colleague.id)).toMatchObject({
      ok: false,
      message: "Vous n'avez pas accès à cette action.",
    });
    signInAs(admin, commune.slug);
    expect(await reset(commune.slug, admin.id)).toMatchObject({
      ok: false,
      message: "Vous ne pouvez pas réinitialiser votre propre double authentification.",
    });
    expect(await reset(commune.slug, stranger.id)).toMatchObject({ ok: false });
    expect(await reset(other.slug, stranger.id)).toMatchObject({ ok: false });

    for (const user of [admin, colleague, stranger]) expect(await factorOf(user.id)).toHaveLength(1);
  });
});

import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { userSessions, users } from "@/db/schema";
import { insertCommune, insertUser } from "@/lib/testing/fixtures";
import { currentSession, harness, signInAs } from "@/lib/testing/harness";
import { setUpTestDatabase } from "@/lib/testing/set-up-test-database";
import { findSessionUser } from "./session";
import { SESSION_IDLE_SECONDS } from "./session-policy";
import { createSession, revokeSession } from "./sessions";

const database = setUpTestDatabase();

describe("findSessionUser", () => {
  it("returns the account of a valid session of this commune", async () => {
    const commune = await insertCommune(database.db);
    const user = await insertUser(database.db, commune.id);
    signInAs(user, commune.slug);
    expect((await findSessionUser(database.db, commune.id))?.id).toBe(user.id);
  });

  it("refuses a session of another commune", async () => {
    const [a, b] = [await insertCommune(database.db), await insertCommune(database.db)];
    const user = await insertUser(database.db, a.id);
    signInAs(user, a.slug);
    expect(await findSessionUser(database.db, b.id)).toBeNull();
  });

  it("refuses a session whose claimed commune does not match the account's (forged token contents)", async () => {
    const [a, b] = [await insertCommune(database.db), await insertCommune(database.db)];
    const user = await insertUser(database.db, a.id);
    signInAs({ ...user, communeId: b.id }, b.slug);
    expect(await findSessionUser(database.db, b.id)).toBeNull();
  });

  it("refuses a revoked session and a disabled account", async () => {
    const commune = await insertCommune(database.db);
    const user = await insertUser(database.db, commune.id);
    const sessionId = signInAs(user, commune.slug);
    expect(await findSessionUser(database.db, commune.id)).not.toBeNull();
    await revokeSession(database.db, { communeId: commune.id, userId: user.id, sessionId });
    expect(await findSessionUser(database.db, commune.id)).toBeNull();

    const other = await insertUser(database.db, commune.id);
    signInAs(other, commune.slug);
    await database.db.update(users).set({ status: "disabled" }).where(eq(users.id, other.id));
    expect(await findSessionUser(database.db, commune.id)).toBeNull();
  });

  it("refuses a session idle for longer than the timeout, or past its absolute end, and moves the idle clock of a used one", async () => {
    const commune = await insertCommune(database.db);
    const user = await insertUser(database.db, commune.id);
    const sessionId = signInAs(user, commune.slug);
    await currentSession();
    const longAgo = new Date(Date.now() - 10 * 60_000);
    await database.db.update(userSessions).set({ lastSeenAt: longAgo }).where(eq(userSessions.id, sessionId));
    expect(await findSessionUser(database.db, commune.id)).not.toBeNull();
    const [touched] = await database.db.select().from(userSessions).where(eq(userSessions.id, sessionId));
    expect(touched!.lastSeenAt.getTime()).toBeGreaterThan(longAgo.getTime());

    await database.db
      .update(userSessions)
      .set({ lastSeenAt: new Date(Date.now() - (SESSION_IDLE_SECONDS + 1) * 1000) })
      .where(eq(userSessions.id, sessionId));
    expect(await findSessionUser(database.db, commune.id)).toBeNull();

    const second = signInAs(user, commune.slug);
    await currentSession();
    await database.db
      .update(userSessions)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(userSessions.id, second));
    expect(await findSessionUser(database.db, commune.id)).toBeNull();
  });

  it("refuses a session id of another account", async () => {
    const commune = await insertCommune(database.db);
    const [owner, thief] = [await insertUser(database.db, commune.id), await insertUser(database.db, commune.id)];
    const ownerSession = signInAs(owner, commune.slug);
    await currentSession();
    signInAs(thief, commune.slug);
    harness.session!.user.sessionId = ownerSession;
    expect(await findSessionUser(database.db, commune.id)).toBeNull();
  });

  it("returns null without a session", async () => {
    const commune = await insertCommune(database.db);
    harness.session = null;
    expect(await findSessionUser(database.db, commune.id)).toBeNull();
  });

  it("refuses a staff session that passed the password but not the second factor (admins always, agents when required)", async () => {
    const commune = await insertCommune(database.db);
    const admin = await insertUser(database.db, commune.id, "admin");
    // What authorize() writes after the password: a session row whose second factor is not checked yet.
    const sessionId = await createSession(database.db, { communeId: commune.id, userId: admin.id });
    harness.session = {
      user: {
        id: admin.id,
        communeId: commune.id,
        communeSlug: commune.slug,
        role: "admin",
        sessionId,
        email: admin.email,
      },
      expires: "",
    } as never;
    expect(await findSessionUser(database.db, commune.id)).toBeNull();

    await database.db.update(userSessions).set({ secondFactorAt: new Date() }).where(eq(userSessions.id, sessionId));
    expect((await findSessionUser(database.db, commune.id))?.id).toBe(admin.id);
  });
});

import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { users } from "@/db/schema";
import { insertCommune, insertUser } from "@/lib/testing/fixtures";
import { harness, signInAs } from "@/lib/testing/harness";
import { useTestDatabase } from "@/lib/testing/use-test-database";
import { findSessionUser } from "./session";

const database = useTestDatabase();
beforeAll(async () => {
});

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

  it("refuses a revoked session (version bumped) and a disabled account", async () => {
    const commune = await insertCommune(database.db);
    const user = await insertUser(database.db, commune.id);
    signInAs(user, commune.slug);
    await database.db.update(users).set({ sessionVersion: user.sessionVersion + 1 }).where(eq(users.id, user.id));
    expect(await findSessionUser(database.db, commune.id)).toBeNull();

    const other = await insertUser(database.db, commune.id);
    signInAs(other, commune.slug);
    await database.db.update(users).set({ status: "disabled" }).where(eq(users.id, other.id));
    expect(await findSessionUser(database.db, commune.id)).toBeNull();
  });

  it("returns null without a session", async () => {
    const commune = await insertCommune(database.db);
    harness.session = null;
    expect(await findSessionUser(database.db, commune.id)).toBeNull();
  });
});

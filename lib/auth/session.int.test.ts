import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { users } from "@/db/schema";
import { insertCommune, insertUser } from "@/lib/testing/fixtures";
import { harness, signInAs } from "@/lib/testing/harness";
import { createTestDatabase } from "@/lib/testing/test-db";
import { findSessionUser } from "./session";

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await createTestDatabase();
  harness.db = handle.db;
});
afterAll(async () => {
  await handle.close();
});

describe("findSessionUser", () => {
  it("returns the account of a valid session of this commune", async () => {
    const commune = await insertCommune(handle.db);
    const user = await insertUser(handle.db, commune.id);
    signInAs(user, commune.slug);
    expect((await findSessionUser(handle.db, commune.id))?.id).toBe(user.id);
  });

  it("refuses a session of another commune", async () => {
    const [a, b] = [await insertCommune(handle.db), await insertCommune(handle.db)];
    const user = await insertUser(handle.db, a.id);
    signInAs(user, a.slug);
    expect(await findSessionUser(handle.db, b.id)).toBeNull();
  });

  it("refuses a session whose claimed commune does not match the account's (forged token contents)", async () => {
    const [a, b] = [await insertCommune(handle.db), await insertCommune(handle.db)];
    const user = await insertUser(handle.db, a.id);
    signInAs({ ...user, communeId: b.id }, b.slug);
    expect(await findSessionUser(handle.db, b.id)).toBeNull();
  });

  it("refuses a revoked session (version bumped) and a disabled account", async () => {
    const commune = await insertCommune(handle.db);
    const user = await insertUser(handle.db, commune.id);
    signInAs(user, commune.slug);
    await handle.db.update(users).set({ sessionVersion: user.sessionVersion + 1 }).where(eq(users.id, user.id));
    expect(await findSessionUser(handle.db, commune.id)).toBeNull();

    const other = await insertUser(handle.db, commune.id);
    signInAs(other, commune.slug);
    await handle.db.update(users).set({ status: "disabled" }).where(eq(users.id, other.id));
    expect(await findSessionUser(handle.db, commune.id)).toBeNull();
  });

  it("returns null without a session", async () => {
    const commune = await insertCommune(handle.db);
    harness.session = null;
    expect(await findSessionUser(handle.db, commune.id)).toBeNull();
  });
});

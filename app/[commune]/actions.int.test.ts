import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Commune } from "@/db/schema";
import { listLiveSessions } from "@/lib/auth/sessions";
import { insertCommune, insertUser } from "@/lib/testing/fixtures";
import { currentSession, harness, signInAs, signOutOfHarness } from "@/lib/testing/harness";
import { setUpTestDatabase } from "@/lib/testing/set-up-test-database";
import { logout } from "./actions";

let commune: Commune;
const database = setUpTestDatabase();
beforeAll(async () => {
  commune = await insertCommune(database.db, "ville-a");
});
beforeEach(() => {
  harness.signOuts = [];
});

describe("Se déconnecter", () => {
  it("ends this session on the server and goes back to the bound commune's home page", async () => {
    const user = await insertUser(database.db, commune.id);
    signInAs(user, commune.slug);
    await currentSession(); // the session row the login wrote
    expect(await listLiveSessions(database.db, { communeId: commune.id, userId: user.id })).toHaveLength(1);

    await logout(commune.slug);
    expect(await listLiveSessions(database.db, { communeId: commune.id, userId: user.id })).toEqual([]);
    expect(harness.signOuts).toEqual([[{ redirectTo: "/ville-a" }]]);
  });

  it("leaves without a session too, and a forged slug never sends anywhere but the site's root", async () => {
    signOutOfHarness();
    await logout("//autre-site.example");
    await logout(undefined as unknown as string);
    expect(harness.signOuts).toEqual([[{ redirectTo: "/" }], [{ redirectTo: "/" }]]);
  });
});

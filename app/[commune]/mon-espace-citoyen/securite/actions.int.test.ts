import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Commune } from "@/db/schema";
import { createSession, listLiveSessions } from "@/lib/auth/sessions";
import { createCalendarFeed, findCalendarFeed } from "@/lib/bookings/ical";
import { insertFamily } from "@/lib/family-file/test-fixtures";
import { insertCommune, insertUser } from "@/lib/testing/fixtures";
import { formData, harness, signInAs } from "@/lib/testing/harness";
import { setUpTestDatabase } from "@/lib/testing/set-up-test-database";
import { endOtherSession, logOutEverywhere } from "./actions";

let commune: Commune;
const database = setUpTestDatabase();
beforeAll(async () => {
  commune = await insertCommune(database.db, "ville-a");
});
beforeEach(() => {
  harness.signOuts = [];
});

const liveIds = async (userId: string) =>
  (await listLiveSessions(database.db, { communeId: commune.id, userId })).map((s) => s.id).sort();

describe("Mon espace citoyen › Sécurité", () => {
  it("closes one other device of the account, not this one", async () => {
    const user = await insertUser(database.db, commune.id);
    const phone = await createSession(database.db, {
      communeId: commune.id,
      userId: user.id,
      userAgent: "Mozilla/5.0 (iPhone)",
    });
    const here = signInAs(user, "ville-a");
    expect(await endOtherSession("ville-a", null, formData({ sessionId: phone }))).toMatchObject({ ok: true });
    expect(await liveIds(user.id)).toEqual([here]);
    expect(await endOtherSession("ville-a", null, formData({ sessionId: here }))).toMatchObject({ ok: false });
    expect(await liveIds(user.id)).toEqual([here]);
  });

  it("cannot close another account's session", async () => {
    const [victim, other] = [await insertUser(database.db, commune.id), await insertUser(database.db, commune.id)];
    const victimSession = await createSession(database.db, { communeId: commune.id, userId: victim.id });
    signInAs(other, "ville-a");
    expect(await endOtherSession("ville-a", null, formData({ sessionId: victimSession }))).toMatchObject({
      ok: false,
      message: "Cette session est déjà fermée.",
    });
    expect(await liveIds(victim.id)).toEqual([victimSession]);
  });

  it("logs out of every device, this one included, and revokes the account's calendar links", async () => {
    const user = await insertUser(database.db, commune.id);
    await createSession(database.db, { communeId: commune.id, userId: user.id });
    const { household } = await insertFamily(database.db, commune.id);
    await createCalendarFeed(database.db, { communeId: commune.id, householdId: household.id, actorUserId: user.id });
    signInAs(user, "ville-a");
    expect(await liveIds(user.id)).toHaveLength(1); // the other device: this browser's row is written on its first request
    await logOutEverywhere("ville-a", null, formData({}));
    expect(await liveIds(user.id)).toEqual([]);
    expect(harness.signOuts).toEqual([[{ redirectTo: "/ville-a/connexion" }]]);
    expect(await findCalendarFeed(database.db, { communeId: commune.id, householdId: household.id })).toBeNull();
  });

  it("needs a live session", async () => {
    harness.session = null;
    expect(await logOutEverywhere("ville-a", null, formData({}))).toMatchObject({
      ok: false,
      message: "Votre session a expiré. Veuillez vous reconnecter.",
    });
  });
});

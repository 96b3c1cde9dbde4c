import { eq } from "drizzle-orm";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type Commune, users } from "@/db/schema";
import { authenticate } from "@/lib/accounts/authenticate";
import { COMMON_PASSWORD_MESSAGE } from "@/lib/accounts/common-passwords";
import { PASSWORD_CHANGED } from "@/lib/accounts/messages";
import { KNOWN_PASSWORD, seedAccount } from "@/lib/accounts/test-fixtures";
import { verifyPassword } from "@/lib/auth/password";
import { createSession, listLiveSessions } from "@/lib/auth/sessions";
import { createCalendarFeed, findCalendarFeed } from "@/lib/bookings/ical";
import { insertFamily } from "@/lib/family-file/test-fixtures";
import { insertCommune } from "@/lib/testing/fixtures";
import { formData, harness, signInAs, signOutOfHarness } from "@/lib/testing/harness";
import { setUpTestDatabase } from "@/lib/testing/set-up-test-database";
import { changePassword } from "./actions";

let commune: Commune;
const NEW_PASSWORD = "Cerf-Volant-77";

const database = setUpTestDatabase();
beforeAll(async () => {
  commune = await insertCommune(database.db, "ville-a");
});
beforeEach(() => {
  harness.signIns = [];
  signOutOfHarness();
});

const change = (currentPassword: string, password = NEW_PASSWORD) =>
  changePassword("ville-a", null, formData({ currentPassword, password, passwordConfirmation: password }));

describe("changing one's password", () => {
  it("stores the new password, ends the other sessions and the account's calendar links, and keeps this one", async () => {
    const user = await seedAccount(database.db, commune);
    const otherDevice = await createSession(database.db, { communeId: commune.id, userId: user.id });
    const { household } = await insertFamily(database.db, commune.id);
    await createCalendarFeed(database.db, { communeId: commune.id, householdId: household.id, actorUserId: user.id });
    const thisDevice = signInAs(user, "ville-a");

    expect(await change(KNOWN_PASSWORD)).toEqual({ ok: true, message: PASSWORD_CHANGED });
    const [after] = await database.db.select().from(users).where(eq(users.id, user.id));
    expect(await verifyPassword(after!.passwordHash, NEW_PASSWORD)).toBe(true);
    const live = await listLiveSessions(database.db, { communeId: commune.id, userId: user.id });
    expect(live.map((s) => s.id)).toEqual([thisDevice]);
    expect(live.map((s) => s.id)).not.toContain(otherDevice);
    expect(await findCalendarFeed(database.db, { communeId: commune.id, householdId: household.id })).toBeNull();
    expect(harness.signIns).toEqual([]);
  });

  it("refuses a wrong current password on its field, and holds back a 6th try", async () => {
    const user = await seedAccount(database.db, commune);
    signInAs(user, "ville-a");
    for (let attempt = 0; attempt < 5; attempt += 1) {
      expect(await change("Pas-Le-Bon-1")).toMatchObject({
        ok: false,
        fieldErrors: { currentPassword: ["Le mot de passe actuel est incorrect."] },
      });
    }
    expect(await change(KNOWN_PASSWORD)).toMatchObject({
      ok: false,
      message: expect.stringMatching(/^Trop de tentatives/),
    });
    const [after] = await database.db.select().from(users).where(eq(users.id, user.id));
    expect(after).toEqual(user);
  });

  it("counts its wrong passwords apart from the login's: neither holds the other back", async () => {
    const user = await seedAccount(database.db, commune);
    signInAs(user, "ville-a");
    for (let attempt = 0; attempt < 5; attempt += 1) await change("Pas-Le-Bon-1");
    expect(
      await authenticate(database.db, {
        communeSlug: "ville-a",
        email: user.email,
        password: KNOWN_PASSWORD,
        ip: "198.51.100.80",
      }),
    ).toMatchObject({ ok: true });

    const other = await seedAccount(database.db, commune);
    for (let attempt = 0; attempt < 5; attempt += 1) {
      await authenticate(database.db, {
        communeSlug: "ville-a",
        email: other.email,
        password: "Pas-Le-Bon-1",
        ip: `198.51.100.${90 + attempt}`,
      });
    }
    signInAs(other, "ville-a");
    expect(await change(KNOWN_PASSWORD)).toEqual({ ok: true, message: PASSWORD_CHANGED });
  });

  it("refuses a common new password", async () => {
    const user = await seedAccount(database.db, commune);
    signInAs(user, "ville-a");
    expect(await change(KNOWN_PASSWORD, "Password1")).toMatchObject({
      ok: false,
      fieldErrors: { password: [COMMON_PASSWORD_MESSAGE] },
    });
  });

  it("needs a current session", async () => {
    expect(await change(KNOWN_PASSWORD)).toMatchObject({
      ok: false,
      message: "Votre session a expiré. Veuillez vous reconnecter.",
    });
  });
});

import { eq } from "drizzle-orm";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { users, type Commune } from "@/db/schema";
import { COMMON_PASSWORD_MESSAGE } from "@/lib/accounts/common-passwords";
import { PASSWORD_CHANGED } from "@/lib/accounts/messages";
import { KNOWN_PASSWORD, seedAccount } from "@/lib/accounts/test-fixtures";
import { verifyPassword } from "@/lib/auth/password";
import { insertCommune } from "@/lib/testing/fixtures";
import { formData, harness, signInAs, signOutOfHarness } from "@/lib/testing/harness";
import { useTestDatabase } from "@/lib/testing/use-test-database";
import { changePassword } from "./actions";

let commune: Commune;
const NEW_PASSWORD = "Cerf-Volant-77";

const database = useTestDatabase();
beforeAll(async () => {
  commune = await insertCommune(database.db, "ville-a");
});
beforeEach(() => {
  harness.signIns = [];
  signOutOfHarness();
});

const change = (currentPassword: string, password = NEW_PASSWORD) =>
  changePassword(null, formData("ville-a", { currentPassword, password, passwordConfirmation: password }));

describe("changing one's password", () => {
  it("stores the new password, ends the other sessions and signs this browser in again", async () => {
    const user = await seedAccount(database.db, commune);
    signInAs(user, "ville-a");
    expect(await change(KNOWN_PASSWORD)).toEqual({ ok: true, message: PASSWORD_CHANGED });
    const [after] = await database.db.select().from(users).where(eq(users.id, user.id));
    expect(after!.sessionVersion).toBe(user.sessionVersion + 1);
    expect(await verifyPassword(after!.passwordHash, NEW_PASSWORD)).toBe(true);
    expect(harness.signIns).toEqual([["credentials", { commune: "ville-a", email: user.email, password: NEW_PASSWORD, redirectTo: "/ville-a/mon-espace-citoyen/mot-de-passe?modifie=1" }]]);
  });

  it("refuses a wrong current password on its field, and counts it as a login attempt", async () => {
    const user = await seedAccount(database.db, commune);
    signInAs(user, "ville-a");
    for (let attempt = 0; attempt < 5; attempt += 1) {
      expect(await change("Pas-Le-Bon-1")).toMatchObject({ ok: false, fieldErrors: { currentPassword: ["Le mot de passe actuel est incorrect."] } });
    }
    expect(await change(KNOWN_PASSWORD)).toMatchObject({ ok: false, message: expect.stringMatching(/^Trop de tentatives/) });
    const [after] = await database.db.select().from(users).where(eq(users.id, user.id));
    expect(after).toEqual(user);
  });

  it("refuses a common new password", async () => {
    const user = await seedAccount(database.db, commune);
    signInAs(user, "ville-a");
    expect(await change(KNOWN_PASSWORD, "Password1")).toMatchObject({ ok: false, fieldErrors: { password: [COMMON_PASSWORD_MESSAGE] } });
  });

  it("needs a current session", async () => {
    expect(await change(KNOWN_PASSWORD)).toMatchObject({ ok: false, message: "Votre session a expiré. Veuillez vous reconnecter." });
  });
});

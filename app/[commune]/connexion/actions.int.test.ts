import { CredentialsSignin } from "next-auth";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { loginRefusal } from "@/lib/accounts/login";
import { INVALID_CREDENTIALS, LOGIN_NEEDS_CAPTCHA, NOT_ACTIVATED } from "@/lib/accounts/messages";
import { KNOWN_PASSWORD, seedAccount } from "@/lib/accounts/test-fixtures";
import { CAPTCHA_REQUIRED_MESSAGE } from "@/lib/captcha/field";
import { insertCommune } from "@/lib/testing/fixtures";
import { formData, harness } from "@/lib/testing/harness";
import { setUpTestDatabase } from "@/lib/testing/set-up-test-database";
import { logIn } from "./actions";

const database = setUpTestDatabase();
beforeAll(async () => {
  const commune = await insertCommune(database.db, "ville-a");
  await seedAccount(database.db, commune, { email: "famille@exemple.fr" });
  await seedAccount(database.db, commune, { email: "agent@exemple.fr", role: "agent" });
});
beforeEach(() => {
  harness.signIns = [];
});

const login = (email: string, retour?: string) =>
  logIn("ville-a", null, formData({ email, password: KNOWN_PASSWORD, retour }));

describe("login", () => {
  it("signs in through Auth.js with the commune, the lower-cased address, and the espace of the role", async () => {
    await login(" Famille@Exemple.fr");
    await login("agent@exemple.fr");
    expect(harness.signIns).toEqual([
      [
        "credentials",
        {
          commune: "ville-a",
          email: "famille@exemple.fr",
          password: KNOWN_PASSWORD,
          redirectTo: "/ville-a/mon-espace-citoyen",
        },
      ],
      [
        "credentials",
        { commune: "ville-a", email: "agent@exemple.fr", password: KNOWN_PASSWORD, redirectTo: "/ville-a/agent" },
      ],
    ]);
  });

  it("goes back to the page that asked for a login only when it is of this commune", async () => {
    await login("famille@exemple.fr", "/ville-a/espace-famille");
    await login("famille@exemple.fr", "//evil.example/ville-a/");
    await login("famille@exemple.fr", "/ville-b/espace-famille");
    const targets = harness.signIns.map((call) => (call as [string, { redirectTo: string }])[1].redirectTo);
    expect(targets).toEqual(["/ville-a/espace-famille", "/ville-a/mon-espace-citoyen", "/ville-a/mon-espace-citoyen"]);
  });

  it("asks for both fields before calling Auth.js", async () => {
    const result = await logIn("ville-a", null, formData({ email: "", password: "" }));
    expect(result).toMatchObject({
      ok: false,
      fieldErrors: { email: ["L'adresse e-mail est obligatoire."], password: ["Le mot de passe est obligatoire."] },
    });
    expect(harness.signIns).toEqual([]);
  });

  it("maps each refusal of authorize() to its French message", () => {
    const refusal = (code: string) => loginRefusal(Object.assign(new CredentialsSignin(), { code }));
    expect(refusal("invalid")).toMatchObject({ message: INVALID_CREDENTIALS });
    expect(refusal("not_activated")).toMatchObject({ message: NOT_ACTIVATED });
    expect(refusal("throttled:600")).toMatchObject({ message: "Trop de tentatives. Réessayez dans 10 minutes." });
    expect(refusal("credentials")).toMatchObject({ message: INVALID_CREDENTIALS });
    // The captcha's field error is what shows the captcha on the form.
    expect(refusal("captcha_required")).toEqual({
      ok: false,
      message: LOGIN_NEEDS_CAPTCHA,
      fieldErrors: { captcha: [CAPTCHA_REQUIRED_MESSAGE] },
    });
  });

  it("passes the captcha on to Auth.js once the form has one", async () => {
    await logIn(
      "ville-a",
      null,
      formData({ email: "famille@exemple.fr", password: KNOWN_PASSWORD, captcha: "payload" }),
    );
    expect(harness.signIns).toEqual([
      [
        "credentials",
        {
          commune: "ville-a",
          email: "famille@exemple.fr",
          password: KNOWN_PASSWORD,
          captcha: "payload",
          redirectTo: "/ville-a/mon-espace-citoyen",
        },
      ],
    ]);
  });
});

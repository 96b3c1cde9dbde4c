import { describe, expect, it } from "vitest";
import { newPasswordField, PASSWORD_RULE } from "./password-policy";
import { signUpSchema } from "./schemas";

const errorsOf = (password: string) =>
  newPasswordField()
    .safeParse(password)
    .error?.issues.map((i) => i.message) ?? [];

describe("password policy", () => {
  it("needs 8 characters: 7 are refused, 8 accepted", () => {
    expect(errorsOf("Abcdef1")).toEqual([`${PASSWORD_RULE}.`]);
    expect(errorsOf("Abcdefg1")).toEqual([]);
  });

  it("accepts 128 characters, refuses 129", () => {
    const of = (length: number) => `Aa1${"x".repeat(length - 3)}`;
    expect(errorsOf(of(128))).toEqual([]);
    expect(errorsOf(of(129))).toEqual(["Le mot de passe ne doit pas dépasser 128 caractères."]);
  });

  it.each([
    ["a digit", "Abcdefgh"],
    ["a lower-case letter", "ABCDEFG1"],
    ["an upper-case letter", "abcdefg1"],
  ])("refuses a password without %s", (_, password) => {
    expect(errorsOf(password)).toEqual([`${PASSWORD_RULE}.`]);
  });

  it("counts accented letters as letters", () => {
    expect(errorsOf("ÉTÉÉTÉé1")).toEqual([]);
  });

  it("says the field is required when empty, once", () => {
    expect(errorsOf("")).toEqual(["Le mot de passe est obligatoire."]);
  });
});

describe("sign-up schema", () => {
  const valid = {
    civility: "MME",
    lastName: "Martin",
    firstName: "Léa",
    email: " Lea.Martin@Exemple.FR ",
    password: "Velo-Rouge-42",
    passwordConfirmation: "Velo-Rouge-42",
    acceptTerms: "on",
    captcha: "x",
  };

  it("lower-cases the e-mail and drops an empty code abonné", () => {
    const parsed = signUpSchema.parse({ ...valid, subscriberCode: "" });
    expect(parsed.email).toBe("lea.martin@exemple.fr");
    expect(parsed.subscriberCode).toBeUndefined();
    expect(parsed.acceptTerms).toBe(true);
  });

  it("reports a mismatched confirmation together with the other errors", () => {
    const result = signUpSchema.safeParse({ ...valid, lastName: "", passwordConfirmation: "Velo-Rouge-43" });
    const paths = result.error?.issues.map((i) => i.path.join("."));
    expect(paths).toEqual(expect.arrayContaining(["lastName", "passwordConfirmation"]));
  });
});

import {
  acceptInvitation,
  createStaffAccount,
  enterTotpCode,
  expect,
  expectAccessible,
  logIn,
  settle,
  test,
  uniqueEmail,
} from "./fixtures";

test.use({ signedInAs: "admin" });

test("a new admin enrols a second factor from the QR page, keeps recovery codes, then logs in with a code; an admin can reset it", async ({
  page,
  openPage,
}) => {
  // An account, its enrolment and two logins; a code may wait for the next 30-second step.
  test.slow();
  await page.goto("/demo/agent/comptes");
  const email = uniqueEmail("admin");
  await createStaffAccount(page, {
    civility: "Madame",
    lastName: "MOREAU",
    firstName: "Lina",
    email,
    role: "Administrateur",
  });
  const newAdmin = await openPage();
  await acceptInvitation(newAdmin, email, "Admin2026nouvelle");

  // First login of an admin without a factor: enrolment.
  await logIn(newAdmin, "demo", { email, password: "Admin2026nouvelle" });
  await expect(newAdmin.getByRole("heading", { level: 1, name: "Activer la double authentification" })).toBeVisible();
  await expect(
    newAdmin.getByRole("img", { name: "QR code à scanner avec votre application d'authentification" }),
  ).toBeVisible();
  await expectAccessible(newAdmin);
  const secret = (await newAdmin.getByText(/^([A-Z2-7]{4} ){7}[A-Z2-7]{4}$/).textContent())!.replace(/\s/g, "");
  await enterTotpCode(newAdmin, secret, "Activer la double authentification");
  const codes = newAdmin.getByRole("list", { name: "Codes de secours" }).getByRole("listitem");
  await expect(codes).toHaveCount(10);
  await expect(codes.first()).toHaveText(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$/);
  await expect(newAdmin.getByRole("heading", { name: "Vos codes de secours" })).toBeFocused();
  await expectAccessible(newAdmin);
  await newAdmin.getByRole("link", { name: "J'ai noté mes codes, continuer" }).click();
  await expect(newAdmin.getByRole("heading", { level: 1, name: "Espace agent" })).toBeVisible();
  await newAdmin.goto("/demo/mon-espace-citoyen/securite");
  await expect(newAdmin.getByRole("region", { name: "Double authentification" })).toContainText(
    "Codes de secours restants : 10.",
  );

  // Next login: the password, then the code of their app, and nothing else before the code.
  await newAdmin.getByRole("button", { name: "Se déconnecter", exact: true }).click();
  await expect(newAdmin.getByRole("link", { name: "Se connecter" })).toBeVisible();
  await newAdmin.goto("/demo/connexion?retour=/demo/agent/comptes");
  await settle(newAdmin);
  await newAdmin.getByRole("textbox", { name: "E-mail", exact: true }).fill(email);
  await newAdmin.getByRole("textbox", { name: "Mot de passe", exact: true }).fill("Admin2026nouvelle");
  await newAdmin.getByRole("button", { name: "Se connecter" }).click();
  await expect(newAdmin.getByRole("heading", { level: 1, name: "Double authentification" })).toBeVisible();
  await newAdmin.goto("/demo/agent/comptes");
  await expect(newAdmin).toHaveURL(/\/demo\/double-authentification\?retour=/);
  await expectAccessible(newAdmin);
  await enterTotpCode(newAdmin, secret, "Vérifier");
  await expect(newAdmin.getByRole("heading", { level: 1, name: "Espace agent" })).toBeVisible();

  // Phone lost: another admin resets the factor, which ends the sessions.
  await page.reload();
  const row = page.getByRole("row").filter({ hasText: email });
  await expect(row).toContainText("Activée");
  await row.getByRole("button", { name: "Réinitialiser la double authentification de Lina MOREAU" }).click();
  await expect(row).toContainText("Non activée");
  await newAdmin.goto("/demo/agent");
  await expect(newAdmin).toHaveURL(/\/demo\/connexion/);
});

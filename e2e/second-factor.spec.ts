import {
  acceptInvitation,
  createStaffAccount,
  demo,
  enterTotpCode,
  expect,
  expectAccessible,
  logIn,
  test,
  uniqueEmail,
} from "./fixtures";

test("a new admin enrols a second factor from the QR page, keeps recovery codes, then logs in with a code; an admin can reset it", async ({
  page,
  browser,
  clientIp,
}) => {
  // Two accounts, an enrolment and three logins; a code may wait for the next 30-second step.
  test.slow();
  // The demo admin: password, then the code of their app.
  await page.goto("/demo/connexion?retour=/demo/agent/comptes");
  await page.getByRole("textbox", { name: "E-mail", exact: true }).fill(demo.admin.email);
  await page.getByRole("textbox", { name: "Mot de passe", exact: true }).fill(demo.admin.password);
  await page.getByRole("button", { name: "Se connecter" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Double authentification" })).toBeVisible();
  await page.goto("/demo/agent/comptes");
  await expect(page).toHaveURL(/\/demo\/double-authentification\?retour=/); // nothing else before the code
  await expectAccessible(page);
  await enterTotpCode(page, demo.admin.totpSecret, "Vérifier");
  await expect(page).toHaveURL(/\/demo\/agent/);
  await page.goto("/demo/agent/comptes");

  const email = uniqueEmail("admin");
  await createStaffAccount(page, {
    civility: "Madame",
    lastName: "MOREAU",
    firstName: "Lina",
    email,
    role: "Administrateur",
  });
  const context = await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": clientIp } });
  const newAdmin = await context.newPage();
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

  // Next login: the password, then a code.
  await newAdmin.getByRole("button", { name: "Se déconnecter", exact: true }).click();
  await expect(newAdmin.getByRole("link", { name: "Se connecter" })).toBeVisible();
  await logIn(newAdmin, "demo", { email, password: "Admin2026nouvelle", totpSecret: secret });
  await expect(newAdmin.getByRole("heading", { level: 1, name: "Espace agent" })).toBeVisible();

  // Phone lost: another admin resets the factor, which ends the sessions.
  await page.reload();
  await expect(page.getByRole("row").filter({ hasText: email })).toContainText("Activée");
  await page.getByRole("button", { name: "Réinitialiser la double authentification de Lina MOREAU" }).click();
  await expect(page.getByRole("row").filter({ hasText: email })).toContainText("Non activée");
  await newAdmin.goto("/demo/agent");
  await expect(newAdmin).toHaveURL(/\/demo\/connexion/);
  await context.close();
});

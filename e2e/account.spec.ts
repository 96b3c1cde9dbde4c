import {
  demo,
  expect,
  expectAccessible,
  linkFromMailbox,
  logIn,
  signUpAndActivate,
  test,
  waitForCaptcha,
} from "./fixtures";

test("a new family signs up, activates its account from the mail, logs in and subscribes with its code abonné", async ({
  page,
  own,
}) => {
  await page.goto("/demo/creer-un-compte");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Créer un compte");
  await expectAccessible(page);

  const account = await signUpAndActivate(page);
  await expectAccessible(page);

  // The link is single-use.
  await page.goto(account.activation);
  await expect(page.getByText("Ce lien a déjà été utilisé ou n'est pas valide.")).toBeVisible();

  await logIn(page, "demo", account);
  await expect(page).toHaveURL(/\/demo\/mon-espace-citoyen/);
  await expectAccessible(page);

  await page.goto("/demo/espace-famille");
  await expect(page.getByRole("heading", { name: "Votre compte n'est relié à aucun dossier famille" })).toBeVisible();
  await page.getByRole("link", { name: "M'abonner" }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: "M'abonner" })).toBeVisible();
  await expectAccessible(page);

  const byCode = page.getByRole("form", { name: "Avec votre code abonné" });
  await byCode.getByRole("textbox", { name: "Code abonné", exact: true }).fill("ZZZZ9999ZZ");
  await byCode.getByRole("button", { name: "Rechercher" }).click();
  await expect(byCode.getByText("Aucun dossier famille ne correspond à ce code abonné.")).toBeVisible();

  await byCode.getByRole("textbox", { name: "Code abonné", exact: true }).fill(own.durand.code.toLowerCase());
  await byCode.getByRole("button", { name: "Rechercher" }).click();
  await expect(page.getByText(`Votre abonnement au dossier famille ${own.durand.name} est actif.`)).toBeVisible();

  // Active at once: no logout needed.
  await page.getByRole("navigation", { name: "Menu principal" }).getByRole("link", { name: "Espace famille" }).click();
  await expect(page.getByRole("heading", { name: `Famille ${own.durand.name}` })).toBeVisible();
  await expect(page.getByText("Inès")).toBeVisible();
  await expectAccessible(page);
});

test("an account cannot log in before activation", async ({ page }) => {
  await page.goto("/demo/connexion");
  await page.getByRole("textbox", { name: "E-mail", exact: true }).fill("en-attente@demo.fr");
  await page.getByRole("textbox", { name: "Mot de passe", exact: true }).fill("EnAttente2026demo");
  await page.getByRole("button", { name: "Se connecter" }).click();
  await expect(page.getByText(/Votre compte n'est pas encore activé/)).toBeVisible();
  await expect(page).toHaveURL(/\/demo\/connexion/);
});

test("an expired activation link says so and offers a new one", async ({ page, own }) => {
  await page.goto(`/demo/activation?jeton=${own.pending.token}`);
  await expect(page.getByText("Ce lien d'activation a expiré.")).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("textbox", { name: "E-mail (identifiant)", exact: true }).fill(own.pending.email);
  await page.getByRole("textbox", { name: "E-mail (identifiant)", exact: true }).focus();
  await waitForCaptcha(page);
  await page.getByRole("button", { name: "Recevoir un nouveau lien" }).click();
  await expect(page.getByRole("status")).toBeVisible();

  const fresh = await linkFromMailbox(page, own.pending.email, "/demo/activation");
  expect(fresh).not.toContain(own.pending.token);
  await page.goto(fresh);
  await expect(page.getByRole("button", { name: "Activer mon compte" })).toBeVisible();
});

test("wrong passwords sent from elsewhere make the login ask for the captcha, never lock the owner out", async ({
  page,
  browser,
  baseURL,
}) => {
  const account = await signUpAndActivate(page);
  // Five guesses, each from another address.
  const attacker = await (await browser.newContext({ baseURL })).newPage();
  await attacker.goto("/demo/connexion");
  for (let attempt = 1; attempt <= 5; attempt++) {
    await attacker.setExtraHTTPHeaders({ "x-forwarded-for": `198.19.${attempt}.${attempt}` });
    await attacker.getByRole("textbox", { name: "E-mail", exact: true }).fill(account.email);
    await attacker.getByRole("textbox", { name: "Mot de passe", exact: true }).fill(`Mauvais${attempt}MotDePasse`);
    await attacker.getByRole("button", { name: "Se connecter" }).click();
    await expect(attacker.getByText("Identifiant ou mot de passe incorrect.")).toBeVisible();
  }
  await attacker.context().close();

  await page.goto("/demo/connexion");
  await page.getByRole("textbox", { name: "E-mail", exact: true }).fill(account.email);
  await page.getByRole("textbox", { name: "Mot de passe", exact: true }).fill(account.password);
  await page.getByRole("button", { name: "Se connecter" }).click();
  await expect(page.getByText(/Plusieurs tentatives de connexion à ce compte ont échoué/)).toBeVisible();
  await expect(page).toHaveURL(/\/demo\/connexion/);
  await expectAccessible(page);

  // The captcha's checkbox is reached and ticked from the keyboard.
  await page.getByRole("checkbox", { name: "Je ne suis pas un robot" }).focus();
  await page.keyboard.press("Space");
  await waitForCaptcha(page);
  await page.getByRole("button", { name: "Se connecter" }).click();
  await expect(page).toHaveURL(/\/demo\/mon-espace-citoyen/);
});

test("a forgotten password is reset through a single-use mailed link", async ({ page }) => {
  const account = await signUpAndActivate(page);
  await page.goto("/demo/connexion");
  await page.getByRole("link", { name: "Mot de passe oublié ?" }).click();
  await page.getByRole("textbox", { name: "E-mail (identifiant)", exact: true }).fill(account.email);
  await page.getByRole("textbox", { name: "E-mail (identifiant)", exact: true }).focus();
  await waitForCaptcha(page);
  await page.getByRole("button", { name: "Recevoir le lien" }).click();
  await expect(page.getByText(/Si un compte correspond à cette adresse/)).toBeVisible();

  const reset = await linkFromMailbox(page, account.email, "/demo/reinitialiser-mot-de-passe");
  await page.goto(reset);
  await expectAccessible(page);
  await page.getByRole("textbox", { name: "Nouveau mot de passe", exact: true }).fill("Nouveau2026portail");
  await page.getByRole("textbox", { name: "Confirmation du mot de passe", exact: true }).fill("Nouveau2026portail");
  await page.getByRole("button", { name: "Enregistrer le mot de passe" }).click();
  await expect(page.getByText(/Votre mot de passe a été enregistré/)).toBeVisible();

  await page.goto(reset);
  await expect(page.getByRole("button", { name: "Enregistrer le mot de passe" })).toHaveCount(0);
  await logIn(page, "demo", { email: account.email, password: "Nouveau2026portail" });
});

test("changing the password ends the account's other sessions", async ({ page, openPage }) => {
  const account = await signUpAndActivate(page);
  const otherPage = await openPage();
  await logIn(otherPage, "demo", account);
  await logIn(page, "demo", account);

  await page.goto("/demo/mon-espace-citoyen/mot-de-passe");
  await expectAccessible(page);
  await page.getByRole("textbox", { name: "Mot de passe actuel", exact: true }).fill(account.password);
  await page.getByRole("textbox", { name: "Nouveau mot de passe", exact: true }).fill("Autre2026portail");
  await page.getByRole("textbox", { name: "Confirmation du mot de passe", exact: true }).fill("Autre2026portail");
  await page.getByRole("button", { name: "Modifier mon mot de passe" }).click();
  await expect(page.getByText("Votre mot de passe a été modifié. Vos autres sessions ont été fermées.")).toBeVisible();

  // This browser stays signed in; the other one is sent back to the login page.
  await page.goto("/demo/mon-espace-citoyen");
  await expect(page).toHaveURL(/\/demo\/mon-espace-citoyen$/);
  await otherPage.goto("/demo/mon-espace-citoyen");
  await expect(otherPage).toHaveURL(/\/demo\/connexion/);
});

test("logging out ends the session on the server: a copy of its cookie no longer opens the family's pages", async ({
  page,
  openPage,
}) => {
  // A session of its own: logging out must not end the one the other tests share.
  await logIn(page, "demo", demo.family);
  const captured = await page.context().cookies();
  await page.getByRole("button", { name: "Se déconnecter" }).click();
  await expect(page.getByRole("link", { name: "Se connecter" })).toBeVisible();

  const thiefPage = await openPage();
  await thiefPage.context().addCookies(captured);
  await thiefPage.goto("/demo/espace-famille/dossier");
  await expect(thiefPage).toHaveURL(/\/demo\/connexion/);
});

test("« Se déconnecter de tous mes appareils » ends every session of the account", async ({ page, openPage }) => {
  const account = await signUpAndActivate(page);
  const otherPage = await openPage();
  await logIn(otherPage, "demo", account);
  await logIn(page, "demo", account);

  await page.goto("/demo/mon-espace-citoyen");
  await page.getByRole("link", { name: /Sécurité/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Sécurité" })).toBeVisible();
  const sessions = page.getByRole("listitem").filter({ hasText: "Dernière activité" });
  await expect(sessions).toHaveCount(2);
  await expect(sessions.filter({ hasText: "Cet appareil" })).toHaveCount(1);
  await expect(sessions.getByRole("button", { name: /^Déconnecter la session/ })).toHaveCount(1);
  await expectAccessible(page);

  await page.getByRole("button", { name: "Se déconnecter de tous mes appareils" }).click();
  await expect(page).toHaveURL(/\/demo\/connexion/);
  await page.goto("/demo/mon-espace-citoyen");
  await expect(page).toHaveURL(/\/demo\/connexion/);
  await otherPage.goto("/demo/mon-espace-citoyen");
  await expect(otherPage).toHaveURL(/\/demo\/connexion/);
});

test("sign-up refuses bad input with messages next to the fields", async ({ page }) => {
  await page.goto("/demo/creer-un-compte");
  await page.getByRole("textbox", { name: "E-mail (identifiant)", exact: true }).fill("pas-une-adresse");
  await page.getByRole("textbox", { name: "Mot de passe", exact: true }).fill("court");
  await page.getByRole("textbox", { name: "Confirmation du mot de passe", exact: true }).fill("autre");
  await page.getByRole("button", { name: "S'inscrire" }).click();
  await expect(page.getByText("Saisissez une adresse e-mail valide, par exemple nom@exemple.fr.")).toBeVisible();
  await expect(page.getByRole("textbox", { name: "Mot de passe", exact: true })).toHaveAttribute(
    "aria-invalid",
    "true",
  );
  await expect(page.getByRole("textbox", { name: "Nom", exact: true })).toHaveAttribute("aria-invalid", "true");
  await expectAccessible(page);
});

test.describe("on a phone", () => {
  test.use({ viewport: { width: 360, height: 740 } });

  test("the login and sign-up pages fit and pass axe", async ({ page }) => {
    for (const path of ["/demo/connexion", "/demo/creer-un-compte", "/demo/mot-de-passe-oublie"]) {
      await page.goto(path);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, `${path} scrolls sideways`).toBeLessThanOrEqual(0);
      await expectAccessible(page);
    }
  });
});

import { demo, expect, expectAccessible, test } from "./fixtures";

test("a visitor is sent to the login page from a personal page, which is never cached", async ({ page }) => {
  await page.goto("/demo/espace-famille");
  await expect(page).toHaveURL(/\/demo\/connexion\?retour=%2Fdemo%2Fespace-famille/);
  await expectAccessible(page);
});

test.describe("signed in as the demo family", () => {
  test.use({ signedInAs: "family" });

  test("personal pages are sent with Cache-Control: no-store", async ({ page }) => {
    const response = await page.goto("/demo/mon-espace-citoyen");
    expect(response?.headers()["cache-control"]).toContain("no-store");
  });

  test("a family is refused on the agent pages", async ({ page }) => {
    for (const path of ["/demo/agent", "/demo/agent/familles", "/demo/agent/comptes"]) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(403);
      await expect(page.getByRole("heading", { level: 1, name: "Accès refusé" })).toBeVisible();
    }
    await expect(
      page.getByRole("navigation", { name: "Menu principal" }).getByRole("link", { name: "Espace agent" }),
    ).toHaveCount(0);
  });

  test("an account of one commune can neither log into nor read another commune", async ({ page }) => {
    await page.goto("/autreville/mon-espace-citoyen");
    await expect(page).toHaveURL(/\/autreville\/connexion/);
    await expect(page.getByRole("button", { name: "Se déconnecter" })).toHaveCount(0);

    await page.getByRole("textbox", { name: "E-mail", exact: true }).fill(demo.family.email);
    await page.getByRole("textbox", { name: "Mot de passe", exact: true }).fill(demo.family.password);
    await page.getByRole("button", { name: "Se connecter" }).click();
    await expect(page.getByText("Identifiant ou mot de passe incorrect.")).toBeVisible();
  });
});

test.describe("signed in as an agent", () => {
  test.use({ signedInAs: "agent" });

  test("an agent is refused on the admin page", async ({ page }) => {
    expect((await page.goto("/demo/agent/comptes"))?.status()).toBe(403);
    expect((await page.goto("/demo/agent"))?.status()).toBe(200);
  });
});

test("a protected route stays protected when the request claims to be a middleware subrequest", async ({
  request,
  openPage,
}) => {
  const bypass = {
    "x-middleware-subrequest": "proxy:proxy:proxy:proxy:proxy:middleware:middleware:middleware:middleware:middleware",
  };
  const anonymous = await request.get("/demo/agent", { headers: bypass, maxRedirects: 0 });
  expect(anonymous.status()).toBe(307);
  expect(anonymous.headers().location).toContain("/demo/connexion");

  const family = await openPage("family");
  const asFamily = await family.request.get("/demo/agent", { headers: bypass, maxRedirects: 0 });
  expect(asFamily.status()).toBe(403);
});

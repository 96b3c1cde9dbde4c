import { expect, expectAccessible, test } from "./fixtures";

test("the home page lists the communes and leads to the demo portal", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1, name: "Portail Famille" })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("link", { name: "Ville de Démo" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Ville de Démo");
  const nav = page.getByRole("navigation", { name: "Menu principal" });
  for (const menu of ["Accueil", "Mon espace citoyen", "Espace famille", "Espace facturation"]) {
    await expect(nav.getByRole("link", { name: menu })).toBeVisible();
  }
  await expectAccessible(page);
});

test("pages carry the security headers", async ({ request }) => {
  const response = await request.get("/demo");
  const headers = response.headers();
  expect(headers["content-security-policy"]).toContain("object-src 'none'");
  expect(headers["content-security-policy"]).toContain("base-uri 'self'");
  expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
  expect(headers["content-security-policy"]).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
});

test("the footer links to the accessibility statement with its compliance mention", async ({ page }) => {
  await page.goto("/demo");
  await page.getByRole("link", { name: "Accessibilité : partiellement conforme" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("accessibilité");
  await expectAccessible(page);
});

test("the home page prefetches none of the pages it links to (each would be a server render)", async ({ page }) => {
  const prefetches: string[] = [];
  page.on("request", (request) => {
    if (request.headers()["next-router-prefetch"]) prefetches.push(request.url());
  });
  await page.goto("/demo", { waitUntil: "networkidle" });
  await page
    .getByRole("link", { name: /Espace famille/ })
    .first()
    .hover();
  await page.waitForLoadState("networkidle");
  expect(prefetches).toEqual([]);
});

test("an unknown commune is a 404", async ({ request }) => {
  expect((await request.get("/commune-inconnue")).status()).toBe(404);
});

test.describe("on a phone", () => {
  test.use({ viewport: { width: 360, height: 740 } });

  test("the menu folds behind a keyboard-operable button", async ({ page }) => {
    await page.goto("/demo");
    const toggle = page.getByRole("button", { name: "Menu" });
    await expect(toggle).toHaveAttribute("aria-expanded", "false");
    await toggle.focus();
    await page.keyboard.press("Enter");
    await expect(toggle).toHaveAttribute("aria-expanded", "true");
    await expect(
      page.getByRole("navigation", { name: "Menu principal" }).getByRole("link", { name: "Espace famille" }),
    ).toBeVisible();
    await expectAccessible(page);
  });
});

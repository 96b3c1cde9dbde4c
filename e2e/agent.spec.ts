import { acceptInvitation, createStaffAccount, expect, expectAccessible, logIn, test, uniqueEmail } from "./fixtures";

test.describe("signed in as an agent", () => {
  test.use({ signedInAs: "agent" });

  test("an agent finds a household, sees its code abonné and regenerates it", async ({ page, own }) => {
    await page.goto("/demo/agent");
    await page.getByRole("link", { name: "Familles" }).first().click();
    await page.getByRole("searchbox", { name: "Rechercher une famille" }).fill(own.martin.name.toLowerCase());
    await page.getByRole("button", { name: "Rechercher" }).click();
    await expectAccessible(page);
    await page.getByRole("link", { name: `Famille ${own.martin.name}` }).click();
    await expect(page.getByRole("heading", { level: 1, name: `Famille ${own.martin.name}` })).toBeVisible();
    const codeBefore = (await page.locator(".code").first().textContent())?.trim();
    expect(codeBefore).toMatch(/^[2-9A-Z]{10}$/);
    await expectAccessible(page);

    await page.getByRole("button", { name: "Régénérer le code abonné" }).click();
    const dialog = page.getByRole("alertdialog", { name: "Régénérer le code abonné ?" });
    await expect(dialog).toBeVisible();
    await expectAccessible(page);
    await dialog.getByRole("button", { name: "Régénérer le code" }).click();
    await expect(page.getByText(/Le nouveau code abonné est [2-9A-Z]{10}\./)).toBeVisible();
    await expect(page.locator(".code").first()).not.toHaveText(codeBefore!);
  });
});

test.describe("signed in as an admin", () => {
  test.use({ signedInAs: "admin" });

  test("an admin invites an agent, who chooses a password from the mail and reaches the back office", async ({
    page,
    openPage,
  }) => {
    await page.goto("/demo/agent/comptes");
    await expectAccessible(page);
    const email = uniqueEmail("agent");
    await createStaffAccount(page, {
      civility: "Monsieur",
      lastName: "GARCIA",
      firstName: "Hugo",
      email,
      role: "Agent",
    });

    const agentPage = await openPage();
    await acceptInvitation(agentPage, email, "Agent2026nouveau");
    await logIn(agentPage, "demo", { email, password: "Agent2026nouveau" });
    await expect(agentPage.getByRole("heading", { level: 1, name: "Espace agent" })).toBeVisible();

    // Disabling the agent ends its session at once.
    await page.reload();
    const row = page.getByRole("row").filter({ hasText: email });
    await row.getByRole("button", { name: "Désactiver le compte de Hugo GARCIA" }).click();
    await expect(row).toContainText("Désactivé");
    await agentPage.goto("/demo/agent");
    await expect(agentPage).toHaveURL(/\/demo\/connexion/);
  });
});

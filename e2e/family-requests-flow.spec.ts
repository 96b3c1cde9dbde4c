import { expect, expectAccessible, test } from "./fixtures";

const referenceIn = (text: string | null) => /référence (D\d{4}-\d{6})/.exec(text ?? "")![1]!;

test.use({ signedInAs: "own family" });

/**
 * Issue #3's whole loop on the test's own copy of the MARTIN household: two changes pending in yellow → the agent
 * accepts one and refuses the other → the family sees the result.
 */
test("a family's two changes are decided by an agent: one applied, one refused with a message the family reads", async ({
  page,
  own,
  openPage,
}) => {
  const julien = `Monsieur Julien ${own.martin.name}`;

  // The family changes a responsable's mobile phone…
  const phone = "07 21 43 65 87";
  await page.goto("/demo/espace-famille/dossier");
  await page.getByRole("link", { name: julien }).click();
  const basic = page.getByRole("region", { name: "Information de base" });
  await basic.getByRole("textbox", { name: "Téléphone portable", exact: true }).fill(phone);
  await basic.getByRole("button", { name: "Enregistrer les modifications" }).click();
  const phoneReference = referenceIn(await basic.getByRole("status").textContent());
  await expect(basic.locator(".pending-value").filter({ hasText: `Modification en attente : ${phone}` })).toBeVisible();

  // …and a child's allergies.
  await page.goto("/demo/espace-famille/dossier");
  await page.getByRole("link", { name: `Zoé ${own.martin.name}` }).click();
  const health = page.getByRole("region", { name: "Données sanitaires" });
  await health.getByRole("textbox", { name: "Allergies", exact: true }).fill("Kiwi");
  await health.getByRole("button", { name: "Enregistrer les modifications" }).click();
  const allergyReference = referenceIn(await health.getByRole("status").textContent());
  await expect(health.locator(".pending-value").filter({ hasText: "Modification en attente : Kiwi" })).toBeVisible();
  await expectAccessible(page);

  // The agent accepts the phone and refuses the allergy with a message.
  const agent = await openPage("agent");
  await agent.goto(`/demo/agent/demandes?q=${phoneReference}`);
  await agent.getByRole("link", { name: phoneReference }).click();
  await expect(agent.getByRole("heading", { level: 1, name: new RegExp(`Demande ${phoneReference}`) })).toBeVisible();
  await agent.getByRole("button", { name: "Accepter", exact: true }).click();
  await expect(agent.getByRole("status").filter({ hasText: `${phoneReference} : acceptée` })).toBeVisible();

  await agent.goto(`/demo/agent/demandes?q=${allergyReference}`);
  await agent.getByRole("link", { name: allergyReference }).click();
  // The inbox has its own "Message à la famille" box: wait for the request's page before typing.
  await expect(agent.getByRole("heading", { level: 1, name: new RegExp(`Demande ${allergyReference}`) })).toBeVisible();
  await agent
    .getByRole("textbox", { name: "Message à la famille", exact: true })
    .fill("Merci de joindre le certificat du médecin.");
  await agent.getByRole("button", { name: "Refuser", exact: true }).click();
  await expect(agent.getByRole("status").filter({ hasText: `${allergyReference} : refusée` })).toBeVisible();

  // The family sees the applied phone (no longer pending), the badge and the refusal in the history.
  await page.goto("/demo/espace-famille/dossier");
  await page.getByRole("link", { name: julien }).click();
  const applied = page.getByRole("region", { name: "Information de base" });
  await expect(applied.getByRole("textbox", { name: "Téléphone portable", exact: true })).toHaveValue(phone);
  await expect(applied.locator(".pending-value")).toHaveCount(0);

  await page.goto("/demo/mon-espace-citoyen/mes-demandes?etat=all");
  const refusedRow = page.getByRole("row").filter({ hasText: allergyReference });
  await expect(refusedRow).toContainText("1 nouveau(x) message(s)");
  await expect(refusedRow).toContainText("Refusée");
  await expectAccessible(page);
  await refusedRow.getByRole("link", { name: allergyReference }).click();
  await expect(page.getByRole("heading", { name: "Historique de la demande" })).toBeVisible();
  await expect(page.getByText("« Merci de joindre le certificat du médecin. »")).toBeVisible();
  await expectAccessible(page);

  // Opening it marked it read.
  await page.goto("/demo/mon-espace-citoyen/mes-demandes?etat=all");
  await expect(page.getByRole("row").filter({ hasText: allergyReference })).not.toContainText("nouveau(x) message(s)");
});

import { PDFDocument, StandardFonts } from "pdf-lib";
import { reviewDocumentsFamily as roussel } from "../db/demo-review-documents";
import { expect, expectAccessible, machinePage, test } from "./fixtures";

/*
 * Espace agent › Pièces justificatives. The ROUSSEL family's pending documents (db/seed-review-documents.ts) are the
 * oldest of the queue and only this spec decides them: each test takes the next pending ones, so a retry finds
 * others. The cross-role test needs the family's bank form with its RIB field (the family side of #12).
 */

/** Each decision takes the first pending ROUSSEL document of the queue. */
const rousselRows = (page: import("@playwright/test").Page) =>
  page.getByRole("row").filter({ hasText: `Famille ${roussel.name}` });

/** The document shown inline on a review page: a PDF's frame or an image. */
const viewerOf = (page: import("@playwright/test").Page) =>
  page.locator(`iframe[title^="Aperçu"], img[alt*="${roussel.name}"]`).first();

test.describe("as an agent", () => {
  test.use({ signedInAs: "agent" });

  test("an agent opens the queue, views a document beside the family's data, refuses it (mailed) and validates others", async ({
    page,
  }) => {
    test.slow(); // five pages audited by axe, a mailbox read, three decisions

    await page.goto("/demo/agent");
    await page.getByRole("link", { name: /^Pièces justificatives/ }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Pièces justificatives à vérifier" })).toBeVisible();
    await expect(rousselRows(page).first()).toBeVisible();
    await expectAccessible(page);

    // Refuse the first one, with the reason the family receives.
    const refused = rousselRows(page).first();
    const refusedLabel = (await refused.getByRole("rowheader").textContent())!.trim();
    await refused.getByRole("link", { name: refusedLabel, exact: true }).click();
    await expect(
      page.getByRole("heading", { level: 1, name: `${refusedLabel} – Famille ${roussel.name}` }),
    ).toBeVisible();
    const viewer = viewerOf(page);
    await expect(viewer).toBeVisible();
    const inline = (await viewer.getAttribute("src"))!;
    expect(inline).toMatch(/\/demo\/agent\/pieces-justificatives\/[0-9a-f-]{36}\/fichier\?affichage=1$/);
    expect((await page.request.get(inline)).status()).toBe(200);
    await expect(page.getByRole("link", { name: /^Télécharger le document/ })).toBeVisible();
    const facts = page.getByRole("region", { name: "Famille", exact: true });
    await expect(facts.getByRole("link", { name: `Famille ${roussel.name}` })).toBeVisible();
    await expect(facts).toContainText(roussel.code);
    await expectAccessible(page);

    await page.getByRole("button", { name: "Refuser", exact: true }).click();
    await expect(page.getByText("Indiquez le motif du refus.")).toBeVisible();
    const reason = `Document illisible, merci d'envoyer un scan net (${Date.now() % 100_000}).`;
    await page.getByRole("textbox", { name: "Motif du refus" }).fill(reason);
    await page.getByRole("button", { name: "Refuser", exact: true }).click();
    await expect(page).toHaveURL(/\/demo\/agent\/pieces-justificatives\?decision=refusee$/);
    await expect(page.getByRole("status").filter({ hasText: "La pièce a été refusée" })).toBeVisible();

    // The family's mail carries the reason.
    const mailbox = await machinePage(page);
    await expect(async () => {
      await mailbox.goto("/boite-mail-locale");
      await mailbox.getByRole("row").filter({ hasText: roussel.account.email }).first().getByRole("link").click();
      await expect(mailbox.locator(".mail-text")).toContainText(reason, { timeout: 1_000 });
    }).toPass({ timeout: 15_000 });
    await mailbox.context().close();

    // Validate the next one, with the expiry date offered from its type's validity.
    const validated = rousselRows(page).first();
    const validatedLabel = (await validated.getByRole("rowheader").textContent())!.trim();
    await validated.getByRole("link", { name: validatedLabel, exact: true }).click();
    await expect(viewerOf(page)).toBeVisible();
    const expiry = page.getByLabel("Date d'expiration");
    // The 12-month types of the demo (justificatif de domicile, attestations): the server's today is 2027-01-11.
    if (!validatedLabel.startsWith("Carnet")) await expect(expiry).toHaveValue("2028-01-11");
    await page.getByRole("button", { name: "Valider", exact: true }).click();
    await expect(page).toHaveURL(/decision=validee$/);
    await expect(page.getByRole("status").filter({ hasText: "La pièce a été validée." })).toBeVisible();

    // And one more from the queue itself, ticked: "Valider la sélection".
    const ticked = rousselRows(page).first();
    await ticked.getByRole("checkbox").check();
    await page.getByRole("button", { name: "Valider la sélection" }).click();
    await expect(page.getByRole("status").filter({ hasText: "1 document validé." })).toBeVisible();
    await expectAccessible(page);

    // The household's page lists them with their states; a refused one keeps its link to its review.
    await page.goto(`/demo/agent/familles?q=${roussel.name}`);
    await page
      .getByRole("link", { name: new RegExp(roussel.name) })
      .first()
      .click();
    await expect(page.getByRole("heading", { level: 1, name: `Famille ${roussel.name}` })).toBeVisible();
    const documents = page.getByRole("region", { name: "Pièces justificatives", exact: true });
    const refusedLine = documents.getByRole("row").filter({ hasText: refusedLabel }).filter({ hasText: "Refusée" });
    await expect(refusedLine.first()).toBeVisible();
    await expect(documents.getByRole("row").filter({ hasText: "Validée" }).first()).toBeVisible();
    await expectAccessible(page);

    await refusedLine.first().getByRole("link", { name: /^Voir/ }).click();
    await expect(page.getByText(reason)).toBeVisible();
    await expect(page.getByRole("button", { name: "Valider", exact: true })).toHaveCount(0);
    await expect(page.getByRole("region", { name: "Famille", exact: true })).toContainText("Refusée le");
  });

  test("an agent closes the ROUSSEL file after confirming, then reopens it", async ({ page }) => {
    await page.goto(`/demo/agent/familles?q=${roussel.name}`);
    await page
      .getByRole("link", { name: new RegExp(roussel.name) })
      .first()
      .click();
    const closure = page.getByRole("region", { name: "Clôture du dossier" });
    await closure.getByRole("button", { name: "Clôturer le dossier" }).click();
    const dialog = page.getByRole("alertdialog", { name: "Clôturer le dossier ?" });
    await expect(dialog).toContainText("seront supprimées 24 mois après la clôture");
    await expectAccessible(page);
    await dialog.getByRole("button", { name: "Clôturer le dossier" }).click();
    await expect(closure.getByText(/^Dossier clôturé le \d{2}\/\d{2}\/\d{4}\.$/)).toBeVisible();

    await closure.getByRole("button", { name: "Rouvrir le dossier" }).click();
    await page
      .getByRole("alertdialog", { name: "Rouvrir le dossier ?" })
      .getByRole("button", { name: "Rouvrir le dossier" })
      .click();
    await expect(closure.getByRole("button", { name: "Clôturer le dossier" })).toBeVisible();
    await expect(page.getByText(/Dossier clôturé le/)).toHaveCount(0);
  });
});

test.describe("as an admin", () => {
  test.use({ signedInAs: "admin" });

  test("an admin adds a document type asked with a request", async ({ page }) => {
    await page.goto("/demo/agent/pieces-justificatives");
    await page.getByRole("link", { name: "Paramètres des pièces justificatives" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Paramètres des pièces justificatives" })).toBeVisible();
    await expect(page.getByRole("form", { name: "Type de pièce RIB" })).toBeVisible();
    await expectAccessible(page);

    // Optional and asked only with a request no other test makes: no family's list changes.
    const label = `Attestation de l'autre parent ${Date.now() % 100_000}`;
    const form = page.getByRole("form", { name: "Ajouter un type de pièce" });
    await form.getByRole("textbox", { name: "Nom de la pièce" }).fill(label);
    await form.getByRole("radio", { name: "Avec une demande" }).check();
    await form.getByRole("button", { name: "Ajouter le type de pièce" }).click();
    await expect(form.getByText("Choisissez la demande qui réclame cette pièce.")).toBeVisible();
    await form
      .getByRole("combobox", { name: "Demande qui réclame cette pièce" })
      .selectOption({ label: "Suppression individu autorisation" });
    await form.getByRole("checkbox", { name: /^Obligatoire/ }).uncheck();
    await form.getByRole("spinbutton", { name: "Durée de validité (mois)" }).fill("6");
    await form.getByRole("button", { name: "Ajouter le type de pièce" }).click();
    await expect(form.getByRole("status")).toHaveText(`Le type de pièce « ${label} » a été ajouté.`);
    const added = page.getByRole("form", { name: `Type de pièce ${label}` });
    await expect(added.getByRole("radio", { name: "Avec une demande" })).toBeChecked();
    await expect(added.getByRole("spinbutton", { name: "Durée de validité (mois)" })).toHaveValue("6");
    await expectAccessible(page);
  });
});

/** A one-page RIB, as a bank's PDF. */
async function ribPdf(): Promise<Buffer> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  const page = pdf.addPage([595, 842]);
  page.drawText("Relevé d'identité bancaire", { x: 56, y: 770, size: 20, font });
  page.drawText("IBAN FR14 2004 1010 0505 0001 3M02 606", { x: 56, y: 730, size: 12, font });
  return Buffer.from(await pdf.save());
}

test.describe("a family and an agent", () => {
  test.use({ signedInAs: "own family" });

  test("a family changes its bank details with its RIB; the agent sees it beside the IBAN diff and accepting validates both", async ({
    page,
    own,
    openPage,
  }) => {
    test.slow();
    await page.goto("/demo/espace-famille/dossier");
    await page.getByRole("link", { name: `Madame Claire ${own.martin.name}` }).click();
    const bank = page.getByRole("region", { name: "Données bancaires" });
    await bank.getByRole("textbox", { name: "Nouvel IBAN" }).fill("FR14 2004 1010 0505 0001 3M02 606");
    await bank.getByRole("textbox", { name: "BIC", exact: true }).fill("PSSTFRPPGRE");
    await bank.getByLabel("RIB (PDF, JPEG ou PNG, 10 Mo maximum)").setInputFiles({
      name: "rib.pdf",
      mimeType: "application/pdf",
      buffer: await ribPdf(),
    });
    await bank.getByRole("button", { name: "Enregistrer les modifications" }).click();
    const notice = bank.getByRole("status").filter({ hasText: /référence D\d{4}-\d{6}/ });
    await expect(notice).toBeVisible();
    const reference = /référence (D\d{4}-\d{6})/.exec((await notice.textContent()) ?? "")![1]!;

    const agent = await openPage("agent");
    await agent.goto(`/demo/agent/demandes?q=${reference}`);
    await agent.getByRole("link", { name: reference }).click();
    await expect(agent.getByRole("heading", { level: 1, name: new RegExp(`Demande ${reference}`) })).toBeVisible();
    const diff = agent.getByRole("table", { name: `Modifications demandées par la demande ${reference}` });
    await expect(diff.getByRole("rowheader", { name: "IBAN" })).toBeVisible();
    const attachments = agent.getByRole("region", { name: "Pièces jointes" });
    await expect(attachments).toContainText("RIB");
    await expect(attachments).toContainText("En cours de vérification");
    const rib = attachments.locator('iframe[title^="Aperçu : RIB"]');
    await expect(rib).toBeVisible();
    expect((await agent.request.get((await rib.getAttribute("src"))!)).status()).toBe(200);
    // Beside the diff on a wide screen: side by side, not one under the other.
    const [diffBox, ribBox] = [await diff.boundingBox(), await rib.boundingBox()];
    expect(ribBox!.x).toBeGreaterThan(diffBox!.x + diffBox!.width - 1);
    await expectAccessible(agent);

    await agent.getByRole("button", { name: "Accepter", exact: true }).click();
    await expect(agent.getByRole("status").filter({ hasText: reference })).toBeVisible();
    await expect(attachments).toContainText("Validée");
    await expect(attachments).not.toContainText("En cours de vérification");
  });
});

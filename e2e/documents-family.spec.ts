import type { Locator, Page } from "@playwright/test";
import { PDFDocument, StandardFonts } from "pdf-lib";
import sharp from "sharp";
import { addDays } from "../lib/planning/days";
import { expect, expectAccessible, test } from "./fixtures";
import { TODAY } from "./run-settings";

/*
 * Espace famille › Pièces justificatives, as a family uses it: from a phone, with a refused document to replace,
 * and the RIB a change of bank details asks for. Each test works on its own copy of the demo's families, whose
 * seed has a validated justificatif de domicile and an attestation CAF refused as unreadable (db/seed-documents.ts).
 */

test.use({ signedInAs: "own family" });

const FILE_LABEL = "Fichier (PDF, JPEG ou PNG, 10 Mo maximum)";
const SENT = "Votre document a été envoyé : il est en cours de vérification.";
const REFUSAL = "Motif du refus : Document illisible, merci de le déposer à nouveau.";

/** A real one-page PDF with a line of text, as a scanner app makes it. */
async function pdf(text: string) {
  const document = await PDFDocument.create();
  const font = await document.embedFont(StandardFonts.Helvetica);
  document.addPage([595, 842]).drawText(text, { x: 60, y: 760, size: 14, font });
  return Buffer.from(await document.save());
}

/** A real JPEG, as a phone's camera takes it (small: the content check re-encodes it anyway). */
function photo() {
  return sharp({ create: { width: 120, height: 160, channels: 3, background: "#d9d4c7" } })
    .jpeg()
    .toBuffer();
}

/** The line of the list for a type, found by its label. */
function lineOf(page: Page, label: string): Locator {
  return page.getByRole("listitem").filter({ has: page.getByText(label, { exact: true }) });
}

/** Files dropped on the zone, as a desktop's file manager would drop them (a PNG drawn in the page). */
async function dropPng(page: Page, name: string) {
  const transfer = await page.evaluateHandle(async (fileName) => {
    const canvas = document.createElement("canvas");
    canvas.width = 80;
    canvas.height = 60;
    const context = canvas.getContext("2d")!;
    context.fillStyle = "#345";
    context.fillRect(10, 10, 40, 30);
    const blob = await new Promise<Blob>((resolve) => canvas.toBlob((b) => resolve(b!), "image/png"));
    const data = new DataTransfer();
    data.items.add(new File([blob], fileName, { type: "image/png" }));
    return data;
  }, name);
  await page.getByText("Glissez-déposez vos fichiers dans ce cadre").dispatchEvent("drop", { dataTransfer: transfer });
}

test("a family hands in its justificatif de domicile from a phone, in several pages", async ({ page }) => {
  test.slow(); // four axe audits and an upload on a busy machine
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/demo/espace-famille");
  await page.getByRole("link", { name: /^Pièces justificatives/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Pièces justificatives" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: "Le foyer" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: /^Léa MARTIN/ })).toBeVisible();
  await expectAccessible(page);

  const home = lineOf(page, "Justificatif de domicile");
  await expect(home).toContainText("Validée");
  await expect(home).toContainText(/Valable jusqu'au \d{2}\/\d{2}\/\d{4}/);
  await home.getByRole("link", { name: /^Remplacer/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Déposer une pièce justificative" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: "Justificatif de domicile" })).toBeVisible();
  await expectAccessible(page);

  // The camera input opens the phone's back camera; the plain file input takes several files.
  const camera = page.getByLabel("Prendre une photo");
  await expect(camera).toHaveAttribute("accept", "image/*");
  await expect(camera).toHaveAttribute("capture", "environment");
  const files = page.getByLabel(FILE_LABEL);
  await expect(files).toHaveAttribute("multiple", "");

  // Front chosen as a PDF, back photographed, a third page dropped by mistake and removed.
  await files.setInputFiles({ name: "facture-recto.pdf", mimeType: "application/pdf", buffer: await pdf("Recto") });
  await camera.setInputFiles({ name: "verso.jpg", mimeType: "image/jpeg", buffer: await photo() });
  await dropPng(page, "capture-ecran.png");
  const chosen = page.getByRole("list", { name: "Fichiers choisis" });
  await expect(chosen.getByRole("listitem")).toHaveCount(3);
  await expect(chosen.getByRole("listitem").nth(1)).toContainText("verso.jpg");
  await expect(chosen.getByRole("listitem").nth(2)).toContainText("capture-ecran.png");
  await expectAccessible(page);
  await chosen.getByRole("button", { name: /^Retirer la page 3/ }).click();
  await expect(chosen.getByRole("listitem")).toHaveCount(2);
  // The input holds what the list shows: the photo moved into it, the removed page out of it.
  expect(await files.evaluate((input: HTMLInputElement) => Array.from(input.files ?? []).map((f) => f.name))).toEqual([
    "facture-recto.pdf",
    "verso.jpg",
  ]);

  await page.getByRole("button", { name: "Envoyer" }).click();
  await expect(page.getByRole("status")).toHaveText(SENT);
  await expect(page.getByRole("heading", { level: 1, name: "Pièces justificatives" })).toBeVisible();
  await expect(lineOf(page, "Justificatif de domicile")).toContainText("En cours de vérification");
  await expect(lineOf(page, "Justificatif de domicile").getByRole("link", { name: /^Voir le document/ })).toBeVisible();
  await expectAccessible(page);
});

test("a refused document shows the town's reason and can be replaced", async ({ page }) => {
  test.slow();
  // Mes demandes says what is missing, and leads to the list.
  await page.goto("/demo/mon-espace-citoyen/mes-demandes");
  await page.getByRole("link", { name: /^\d+ pièces? à fournir$/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Pièces justificatives" })).toBeVisible();

  const caf = lineOf(page, "Attestation CAF / avis d'imposition");
  await expect(caf).toContainText("Refusée");
  await expect(caf).toContainText(REFUSAL);
  await expectAccessible(page);
  await caf.getByRole("link", { name: /^Remplacer/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Déposer une pièce justificative" })).toBeVisible();
  await expect(page.getByText(REFUSAL)).toBeVisible();

  // A web page saved under a PDF's name is not a document: the field says so, nothing is sent.
  const files = page.getByLabel(FILE_LABEL);
  await files.setInputFiles({
    name: "attestation.pdf",
    mimeType: "application/pdf",
    buffer: Buffer.from("<!doctype html><html><body>Attestation</body></html>"),
  });
  await page.getByRole("button", { name: "Envoyer" }).click();
  await expect(files).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByRole("heading", { level: 1, name: "Déposer une pièce justificative" })).toBeVisible();
  await expectAccessible(page);

  // The wrong page is removed, the right one added.
  const chosen = page.getByRole("list", { name: "Fichiers choisis" });
  await chosen.getByRole("button", { name: /^Retirer la page 1/ }).click();
  await files.setInputFiles({
    name: "attestation-caf.pdf",
    mimeType: "application/pdf",
    buffer: await pdf("Attestation de quotient familial"),
  });
  await expect(chosen.getByRole("listitem")).toHaveCount(1);
  await page.getByRole("button", { name: "Envoyer" }).click();
  await expect(page.getByRole("status")).toHaveText(SENT);
  const replaced = lineOf(page, "Attestation CAF / avis d'imposition");
  await expect(replaced).toContainText("En cours de vérification");
  await expect(replaced).not.toContainText("Motif du refus");
  await expectAccessible(page);
});

test("a change of bank details without the RIB is refused at the RIB's field, then sent with it", async ({
  page,
  own,
}) => {
  test.slow();
  await page.goto("/demo/espace-famille/dossier");
  await page.getByRole("link", { name: `Madame Claire ${own.martin.name}` }).click();
  const bank = page.getByRole("region", { name: "Données bancaires" });
  await bank.getByRole("textbox", { name: "Nouvel IBAN" }).fill("FR14 2004 1010 0505 0001 3M02 606");
  await bank.getByRole("textbox", { name: "BIC" }).fill("PSSTFRPPGRE");
  await bank.getByRole("button", { name: "Enregistrer les modifications" }).click();

  const rib = bank.getByLabel("RIB (PDF, JPEG ou PNG, 10 Mo maximum)");
  await expect(bank.getByText("Joignez votre RIB pour le prélèvement.")).toBeVisible();
  await expect(rib).toHaveAttribute("aria-invalid", "true");
  await expect(bank.getByRole("status")).toHaveCount(0);
  await expectAccessible(page);

  await rib.setInputFiles({ name: "RIB.pdf", mimeType: "application/pdf", buffer: await pdf("RIB - FR14 2004") });
  await bank.getByRole("button", { name: "Enregistrer les modifications" }).click();
  await expect(bank.getByRole("status")).toContainText(/référence D\d{4}-\d{6}/);
  await expect(bank.getByText("Joignez votre RIB pour le prélèvement.")).toHaveCount(0);
  await expectAccessible(page);

  // The RIB is listed with the family's requests, waiting for the town's check.
  await page.goto("/demo/espace-famille/pieces-justificatives");
  const withRequests = page.getByRole("region", { name: "Avec vos demandes" });
  await expect(lineOf(page, "RIB")).toContainText("En cours de vérification");
  await expect(withRequests).toBeVisible();
});

test("an absence declared with a medical certificate is a justified absence on the planning", async ({ page, own }) => {
  test.slow();
  // Zoé's canteen is booked on every school day of the coming two weeks (db/seed-planning.ts).
  const from = addDays(TODAY, 7);
  const to = addDays(TODAY, 11);
  await page.goto("/demo/espace-famille/planning/absence");
  await expect(page.getByRole("heading", { level: 1, name: "Absence à une activité" })).toBeVisible();
  // A choice made before the page hydrated is reset by it: choose again until the enrolment's period shows.
  await expect(async () => {
    await page.getByLabel("Enfants").selectOption({ label: `Zoé ${own.martin.name}` });
    await page.getByLabel("Activités").selectOption({ label: "2/Repas Sco – Restaurant scolaire Jules Ferry" });
    await expect(page.getByText(/période de l'inscription \(du \d{2}\/\d{2}\/\d{4}/)).toBeVisible({ timeout: 2_000 });
  }).toPass();
  await page.getByRole("textbox", { name: "Du", exact: true }).fill(from);
  await page.getByRole("textbox", { name: "Au", exact: true }).fill(to);
  for (const box of await page.getByRole("checkbox").all()) await box.check();
  const certificate = page.getByLabel("Certificat médical (facultatif)");
  await certificate.setInputFiles({
    name: "certificat.pdf",
    mimeType: "application/pdf",
    buffer: await pdf("Certificat médical - Zoé"),
  });
  await expectAccessible(page);
  await page.getByRole("button", { name: "Demander" }).click();
  await expect(
    page.getByText(/Votre demande d'absence a été transmise à la collectivité sous la référence/),
  ).toBeVisible();

  await page.goto(`/demo/espace-famille/planning?vue=semaine5&date=${from}`);
  const justified = page.getByRole("button", { name: /^Zoé, 2\/Repas Sco, .* : .*Absence justifiée$/ });
  await expect(justified.first()).toBeVisible();
  expect(await justified.count()).toBe(4);
  await expect(
    page.getByRole("region", { name: "Légende" }).getByText("Absence justifiée", { exact: true }),
  ).toBeVisible();
  await justified.first().click();
  await expect(page.getByRole("dialog").getByText(/Absence justifiée/)).toBeVisible();
  await expectAccessible(page);
});

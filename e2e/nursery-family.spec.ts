import { PDFDocument, StandardFonts } from "pdf-lib";
import { addDays } from "../lib/planning/days";
import { expect, expectAccessible, test } from "./fixtures";
import { TODAY } from "./run-settings";

/*
 * Espace famille › Pré-inscription en crèche, from a phone: a family applies for a child to be born (the six steps,
 * the certificate of pregnancy), finds the request in Mes demandes and confirms it. The structures are the demo's
 * (db/seed-nursery.ts); the family is the test's own copy of MARTIN.
 */

test.use({ signedInAs: "own family" });

const CERTIFICATE_LABEL = "Certificat de grossesse (PDF, JPEG ou PNG, 10 Mo maximum)";

async function certificatePdf() {
  const document = await PDFDocument.create();
  const font = await document.embedFont(StandardFonts.Helvetica);
  document.addPage([595, 842]).drawText("Certificat de grossesse", { x: 60, y: 760, size: 14, font });
  return Buffer.from(await document.save());
}

test("a family applies for a child to be born from a phone, then confirms its application", async ({ page }) => {
  test.slow(); // six steps, an upload and several axe audits
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/demo/espace-famille");
  await page.getByRole("link", { name: /^Pré-inscription en crèche/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Pré-inscription en crèche" })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("link", { name: "Faire une demande" }).click();

  const form = page.getByRole("form", { name: "Pré-inscription en crèche" });
  const step = (label: string) => form.getByRole("heading", { level: 2, name: new RegExp(`: ${label}$`) });
  const next = () => form.getByRole("button", { name: "Continuer" }).click();

  // 1. Responsables: each guardian of the file, with its professional situation.
  await expect(step("Responsables")).toBeVisible();
  await next();
  await expect(form.getByText("Choisissez la situation professionnelle.").first()).toBeVisible();
  await expect(step("Responsables")).toBeVisible();
  const guardians = form.getByRole("group").filter({ has: page.getByLabel("Situation professionnelle") });
  await expect(guardians).toHaveCount(2);
  await guardians.nth(0).getByLabel("Situation professionnelle").selectOption("En activité");
  await guardians.nth(0).getByLabel("Employeur").fill("Mairie de Démo");
  await guardians.nth(1).getByLabel("Situation professionnelle").selectOption("Congé parental");
  await expectAccessible(page);
  await next();

  // 2. Enfant: a child to be born.
  await expect(step("Enfant")).toBeVisible();
  await form.getByRole("radio", { name: "Un enfant à naître" }).check();
  await form.getByLabel("Date prévue de naissance").fill(addDays(TODAY, 60));
  await form.getByLabel("Prénom", { exact: true }).fill("Lina");
  await expectAccessible(page);
  await next();

  // 3. Type de garde: regular care, Monday and Tuesday; a start before the birth is refused at the field.
  await expect(step("Type de garde")).toBeVisible();
  await form.getByRole("radio", { name: "Accueil régulier" }).check();
  await form.getByRole("checkbox", { name: "Lundi" }).check();
  await form.getByRole("checkbox", { name: "Mardi" }).check();
  await form.getByLabel("Heure de départ le mardi").fill("16:30");
  await form.getByLabel("Date d'entrée souhaitée").fill(addDays(TODAY, 30));
  await next();
  await expect(form.getByText("La date d'entrée doit suivre la date prévue de naissance.")).toBeVisible();
  await form.getByLabel("Date d'entrée souhaitée").fill(addDays(TODAY, 240));
  await expectAccessible(page);
  await next();

  // 4. Structures souhaitées.
  await expect(step("Structures souhaitées")).toBeVisible();
  await form.getByLabel("Choix n°1").selectOption({ label: "Multi-accueil Les Petits Loups (Multi-accueil)" });
  await form.getByLabel("Commentaire").fill("Un grand frère à l'école voisine.");
  await next();

  // 5. Pièces justificatives: the household's, and the certificate of pregnancy, required.
  await expect(step("Pièces justificatives")).toBeVisible();
  await expect(form.getByRole("heading", { name: "Pièces du foyer" })).toBeVisible();
  await expect(form.getByText("Justificatif de domicile", { exact: true })).toBeVisible();
  await next();
  await expect(form.getByText("Joignez le certificat de grossesse.")).toBeVisible();
  await form
    .getByLabel(CERTIFICATE_LABEL)
    .setInputFiles({ name: "certificat.pdf", mimeType: "application/pdf", buffer: await certificatePdf() });
  await expectAccessible(page);
  await next();

  // 6. Récapitulatif, then sent.
  await expect(step("Récapitulatif")).toBeVisible();
  await expect(form).toContainText("Un enfant à naître (Lina)");
  await expect(form).toContainText("lundi 08:30–17:30, mardi 08:30–16:30");
  await expect(form).toContainText("Multi-accueil Les Petits Loups");
  await expect(form).toContainText("1 fichier(s) joint(s)");
  await expectAccessible(page);
  await form.getByRole("button", { name: "Envoyer ma demande" }).click();

  const sent = page.getByRole("status").filter({ hasText: "a bien été envoyée" });
  await expect(sent).toHaveText(/^Votre demande D\d{4}-\d{6} a bien été envoyée\.$/);
  const reference = (await sent.textContent())!.match(/D\d{4}-\d{6}/)![0];
  const row = page.getByRole("row").filter({ hasText: reference });
  await expect(row).toContainText("Lina");
  await expect(row).toContainText("En attente de commission");
  await expectAccessible(page);

  // Mes demandes lists it with its reference; its detail leads to the application.
  await page.goto("/demo/mon-espace-citoyen/mes-demandes");
  const request = page.getByRole("row").filter({ hasText: reference });
  await expect(request).toContainText("Pré-inscription en crèche");
  await request.getByRole("link", { name: reference }).click();
  await expect(page.getByRole("heading", { name: "Historique de la demande" })).toBeVisible();
  await page.getByRole("link", { name: "Voir ma demande de place en crèche" }).click();

  await expect(
    page.getByRole("heading", { level: 1, name: `Ma demande de place en crèche ${reference}` }),
  ).toBeVisible();
  await expect(page.getByText("Multi-accueil Les Petits Loups").first()).toBeVisible();
  await expect(page.getByText("À confirmer avant le")).toBeVisible();
  await expect(page.getByRole("region", { name: "Pièces jointes à la demande" })).toContainText(
    "Certificat de grossesse",
  );
  await expectAccessible(page);
  await page.getByRole("button", { name: "Confirmer ma demande" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Votre demande est confirmée." })).toBeVisible();

  // Changed before the commission: the form comes back prefilled, the certificate already sent.
  await page.getByRole("link", { name: "Modifier ma demande" }).click();
  const change = page.getByRole("form", { name: "Pré-inscription en crèche" });
  await expect(change.getByLabel("Situation professionnelle").first()).toHaveValue("en_activite");
  for (let i = 0; i < 3; i++) await change.getByRole("button", { name: "Continuer" }).click();
  await expect(change.getByLabel("Choix n°1")).toHaveValue(/.+/);
  await change.getByLabel("Choix n°2").selectOption({ label: "Crèche familiale Les Lucioles (Crèche familiale)" });
  await change.getByRole("button", { name: "Continuer" }).click();
  await expect(change.getByText("Déjà envoyé avec votre demande")).toBeVisible();
  await change.getByRole("button", { name: "Continuer" }).click();
  await change.getByRole("button", { name: "Enregistrer les modifications" }).click();
  await expect(
    page.getByRole("heading", { level: 1, name: `Ma demande de place en crèche ${reference}` }),
  ).toBeVisible();
  await expect(page.getByText("Crèche familiale Les Lucioles")).toBeVisible();

  // The history in Mes demandes says so.
  await page.getByRole("link", { name: "Historique de la demande dans Mes demandes" }).click();
  await expect(page.getByText("Demande confirmée")).toBeVisible();
  await expect(page.getByText("Demande modifiée par la famille")).toBeVisible();
});

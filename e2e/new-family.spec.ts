import type { Page } from "@playwright/test";
import { PDFDocument, StandardFonts } from "pdf-lib";
import { expect, expectAccessible, linkFromMailbox, logIn, signUpAndActivate, test } from "./fixtures";
import { DESKTOP, PHONE } from "./layout-checks";

const RIB_LABEL = "RIB (PDF, JPEG ou PNG, 10 Mo maximum)";

/** A real one-page PDF, as a bank's website hands out a RIB. */
async function ribPdf() {
  const document = await PDFDocument.create();
  const font = await document.embedFont(StandardFonts.Helvetica);
  document.addPage([595, 842]).drawText("RIB - FR76 3000 6000 0112 3456 7890 189", { x: 60, y: 760, size: 14, font });
  return Buffer.from(await document.save());
}

/** axe on the page as a phone and as a desktop show it; the page is left at desktop width. */
async function expectAccessibleAtBothWidths(page: Page) {
  await page.setViewportSize(PHONE);
  await expectAccessible(page);
  await page.setViewportSize(DESKTOP);
  await expectAccessible(page);
}

test("a new family without a code abonné pre-registers in 4 steps; the agent accepts; the family sees its household", async ({
  page,
  openPage,
}) => {
  // Three people's steps, each page checked by axe at two widths, and links that are not prefetched (each click
  // waits for its page): over two minutes on a loaded CI machine.
  test.setTimeout(240_000);
  const account = await signUpAndActivate(page);
  await logIn(page, "demo", account);
  await page.goto("/demo/espace-famille");
  await page.getByRole("link", { name: "Je n'ai pas de code abonné : pré-inscrire ma famille" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Pré-inscription d'une nouvelle famille" })).toBeVisible();
  await page.getByRole("link", { name: "Commencer ma pré-inscription" }).click();

  // Step 1 "Ma famille"
  await expect(page.getByRole("heading", { level: 1, name: "Ma famille" })).toBeVisible();
  const steps = page.getByRole("navigation", { name: "Étapes de la pré-inscription" });
  await expect(steps.locator('[aria-current="step"]')).toHaveText("Ma famille");
  await expectAccessibleAtBothWidths(page);
  const r1 = page.getByRole("group", { name: "Responsable 1" });
  await r1.getByRole("radio", { name: "Madame" }).check();
  await r1.getByRole("textbox", { name: "Nom", exact: true }).fill("Lambert");
  await r1.getByRole("textbox", { name: "Prénom", exact: true }).fill("Nadia");
  await r1.getByRole("textbox", { name: "Qualité", exact: true }).fill("Mère");
  await r1.getByRole("textbox", { name: "Situation familiale", exact: true }).fill("Pacsée");
  await expect(r1.getByRole("textbox", { name: "Pays", exact: true })).toHaveValue("France");
  await r1
    .getByRole("group", { name: /souhaitez-vous la recevoir par courrier/ })
    .getByRole("radio", { name: "Oui" })
    .check();
  await r1.getByRole("checkbox", { name: "Relance de paiement par SMS" }).check();
  await r1.getByRole("textbox", { name: "Téléphone", exact: true }).fill("04 76 52 00 00");
  await r1.getByRole("textbox", { name: "Téléphone portable", exact: true }).fill("06 11 22 33 44");
  await r1.getByRole("textbox", { name: "Code postal", exact: true }).fill("383");
  await r1.getByRole("textbox", { name: "Ville", exact: true }).fill("Saint-Ismier");
  const child = page.getByRole("group", { name: "Enfant 1" });
  await child.getByRole("textbox", { name: "Prénom de l'enfant", exact: true }).fill("Hugo");
  await child.getByRole("textbox", { name: "Nom de l'enfant", exact: true }).fill("Lambert");
  await child.getByLabel("Date de naissance").fill("2030-01-01");
  await child.getByRole("radio", { name: "Garçon" }).check();
  await page.getByRole("button", { name: "Enregistrer et continuer" }).click();
  await expect(page.getByText("Le code postal compte 5 chiffres, par exemple 38330.")).toBeVisible();
  await expect(page.getByText("La date de naissance ne peut pas être dans le futur.")).toBeVisible();
  await expectAccessibleAtBothWidths(page);
  await r1.getByRole("textbox", { name: "Code postal", exact: true }).fill("38330");
  await child.getByLabel("Date de naissance").fill("2019-03-14");
  await page.getByRole("button", { name: "Enregistrer et continuer" }).click();

  // Step 2 "Mes informations financières"
  await expect(page.getByRole("heading", { level: 1, name: "Mes informations financières" })).toBeVisible();
  await expect(steps.locator('[aria-current="step"]')).toHaveText("Mes informations financières");
  await expectAccessibleAtBothWidths(page);
  await page.getByRole("radio", { name: "Non" }).first().check();
  await page
    .getByRole("group", { name: /Souhaitez-vous être en prélèvement/ })
    .getByRole("radio", { name: "Oui" })
    .check();
  await page.getByRole("textbox", { name: "IBAN", exact: true }).fill("FR76 3000 6000 0112 3456 7890 188");
  await page.getByRole("textbox", { name: "BIC", exact: true }).fill("AGRIFRPP");
  await page.getByRole("textbox", { name: "Titulaire du compte", exact: true }).fill("Nadia LAMBERT");
  await page.getByRole("button", { name: "Enregistrer et continuer" }).click();
  await expect(page.getByText(/clé de contrôle incorrecte/)).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("textbox", { name: "IBAN", exact: true }).fill("FR76 3000 6000 0112 3456 7890 189");
  // Direct debit asks for the RIB: without it, nothing is saved.
  await page.getByRole("button", { name: "Enregistrer et continuer" }).click();
  await expect(page.getByText("Joignez votre RIB pour le prélèvement.")).toBeVisible();
  await expect(page.getByRole("heading", { level: 1, name: "Mes informations financières" })).toBeVisible();
  await expectAccessible(page);
  await page
    .getByLabel(RIB_LABEL)
    .setInputFiles({ name: "mon-rib.pdf", mimeType: "application/pdf", buffer: await ribPdf() });
  await expect(page.getByText("Page 1 : mon-rib.pdf")).toBeVisible();
  await page.getByRole("button", { name: "Enregistrer et continuer" }).click();

  // Step 3 "Mes pré-inscriptions et réservations": resumable, leave and come back
  await expect(page.getByRole("heading", { level: 1, name: "Mes pré-inscriptions et réservations" })).toBeVisible();
  await page.goto("/demo/espace-famille/pre-inscription");
  await page.getByRole("link", { name: "Reprendre ma pré-inscription" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Mes pré-inscriptions et réservations" })).toBeVisible();
  await expectAccessibleAtBothWidths(page);
  // Back on step 2: the RIB handed in is shown, not asked again.
  await page.goto("/demo/espace-famille/pre-inscription/informations-financieres");
  await expect(page.getByText("RIB déposé : RIB - LAMBERT.pdf")).toBeVisible();
  await page.getByRole("button", { name: "Enregistrer et continuer" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Mes pré-inscriptions et réservations" })).toBeVisible();
  await page.getByRole("checkbox", { name: "Restauration scolaire (cantine)" }).check();
  await page.getByRole("checkbox", { name: "Périscolaire du soir" }).check();
  await page.getByRole("button", { name: "Enregistrer et continuer" }).click();

  // Step 4 "Confirmation"
  await expect(page.getByRole("heading", { level: 1, name: "Confirmation" })).toBeVisible();
  await expect(page.getByText("Hugo LAMBERT")).toBeVisible();
  await expect(page.getByText("déposé (RIB - LAMBERT.pdf)")).toBeVisible();
  // Step 1's new answers, as the family gave them.
  await expect(page.getByText("Pacsée")).toBeVisible();
  await expect(page.getByText("Saint-Ismier, France").first()).toBeVisible();
  await expectAccessibleAtBothWidths(page);
  await page.getByRole("button", { name: "Envoyer ma demande" }).click();
  const sent = page
    .getByRole("status")
    .filter({ hasText: /Votre demande D\d{4}-\d{6} a été transmise à la commune\./ })
    .first();
  await expect(sent).toBeVisible();
  const reference = /D\d{4}-\d{6}/.exec((await sent.textContent())!)![0];
  await expectAccessibleAtBothWidths(page);

  // While it is pending, Mes demandes shows it with its state and history, and the acknowledgement is mailed.
  await page.goto("/demo/mon-espace-citoyen/mes-demandes");
  const pendingRow = page.getByRole("row").filter({ hasText: reference });
  await expect(pendingRow).toContainText("Pré-inscription nouvelle famille");
  await expect(pendingRow).toContainText("En cours");
  await expectAccessibleAtBothWidths(page);
  await pendingRow.getByRole("link", { name: reference }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Détail de ma demande ${reference}` })).toBeVisible();
  await expect(page.getByText("Demande transmise à la collectivité")).toBeVisible();
  // What the family sent, as the agent reads it.
  await expect(page.getByRole("heading", { level: 2, name: "Ma famille" })).toBeVisible();
  await expect(page.getByText("Cette demande ne modifie aucun champ")).toHaveCount(0);
  await expectAccessibleAtBothWidths(page);
  expect(await linkFromMailbox(page, account.email, "/demo/mon-espace-citoyen/mes-demandes")).toContain(
    "/demo/mon-espace-citoyen/mes-demandes",
  );

  // The agent accepts it from Demandes.
  const agent = await openPage("agent");
  await agent.goto("/demo/agent/demandes");
  await agent.getByRole("searchbox", { name: "Famille ou référence" }).fill(reference);
  await agent.getByRole("button", { name: "Rechercher" }).click();
  await agent.getByRole("link", { name: reference }).click();
  await expect(agent.getByRole("heading", { level: 1, name: new RegExp(`Demande ${reference}`) })).toBeVisible();
  await expect(agent.getByRole("heading", { name: "Famille à créer" })).toBeVisible();
  await expect(agent.getByText("FR76 •••• •••• •••• •••• •••• 189")).toBeVisible();
  await expectAccessible(agent);
  await agent.getByRole("button", { name: "Accepter", exact: true }).click();
  await expect(agent.getByRole("status").filter({ hasText: reference })).toBeVisible();

  // The family sees its household at once, and the services of step 3 as enrolment requests.
  await page.goto("/demo/espace-famille");
  await expect(page.getByRole("heading", { name: "Famille LAMBERT" })).toBeVisible();
  await expectAccessible(page);
  await page.goto("/demo/mon-espace-citoyen/mes-demandes");
  const enrolmentRows = page.getByRole("row").filter({ hasText: "Inscription à une activité – Hugo LAMBERT" });
  await expect(enrolmentRows).toHaveCount(2);
  await expect(enrolmentRows.filter({ hasText: "Péri SOIR" })).toContainText("En cours");
  await expectAccessibleAtBothWidths(page);
  const enrolmentReference = (await enrolmentRows.filter({ hasText: "Péri SOIR" }).getByRole("link").textContent())!;

  // The agent finds them on the accepted pre-registration and confirms one.
  await agent.reload();
  const asked = agent.getByRole("region", { name: "Inscriptions demandées" });
  await expect(asked.getByRole("listitem")).toHaveCount(2);
  await expect(asked.getByRole("listitem").filter({ hasText: "Hugo LAMBERT – Péri SOIR" })).toContainText("En cours");
  await expectAccessibleAtBothWidths(agent);
  await asked.getByRole("link", { name: enrolmentReference }).click();
  await expect(agent.getByRole("heading", { level: 1, name: /Inscription à une activité/ })).toBeVisible();
  await expect(agent.getByText(/Hugo LAMBERT/).first()).toBeVisible();
  await expectAccessibleAtBothWidths(agent);
  await agent.getByRole("button", { name: "Accepter", exact: true }).click();
  await expect(agent.getByRole("status").filter({ hasText: enrolmentReference })).toBeVisible();
  await page.reload();
  await expect(page.getByRole("row").filter({ hasText: enrolmentReference })).toContainText("Acceptée");
  // The RIB came with the request: it is the household's now, validated with it.
  await page.goto("/demo/espace-famille/pieces-justificatives");
  const withRequests = page.getByRole("region", { name: "Avec vos demandes" });
  const rib = withRequests.getByRole("listitem").filter({ hasText: "RIB" });
  await expect(rib).toContainText("Validée");
  await expect(rib.getByRole("link", { name: "Voir le document : RIB" })).toBeVisible();
});

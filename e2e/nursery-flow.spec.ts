import type { Page } from "@playwright/test";
import { PDFDocument } from "pdf-lib";
import { addDays, earlierDay, parisDay } from "../lib/planning/days";
import { expect, expectAccessible, test } from "./fixtures";
import { TODAY } from "./run-settings";

/*
 * The whole pré-inscription en crèche, by its three people: a family applies for a child to be born (the first
 * step on a phone), an agent offers a place at a commission while seeing the places left, the family accepts it
 * with the birth's details, and the child appears in the family file and the planning.
 */

test.use({ signedInAs: "own family" });

const shown = (day: string) => day.split("-").reverse().join("/");
const birthDue = addDays(TODAY, 60);
const startOn = addDays(TODAY, 240);
/** The family's wishes (the demo's structures, with their kind), in order; the agent offers the first with a bébé place left. */
const WISHES = [
  ["Micro-crèche Pirouette", "Micro-crèche"],
  ["Crèche familiale Les Lucioles", "Crèche familiale"],
  ["Multi-accueil Les Petits Loups", "Multi-accueil"],
] as const;

async function onePagePdf() {
  const document = await PDFDocument.create();
  document.addPage([595, 842]);
  return Buffer.from(await document.save());
}

/** Fills the six steps for a child to be born, first name "Maëlle", Monday and Thursday; returns the reference. */
async function applyForChildToBeBorn(page: Page): Promise<string> {
  const form = page.getByRole("form", { name: "Pré-inscription en crèche" });
  const step = (label: string) => form.getByRole("heading", { level: 2, name: new RegExp(`: ${label}$`) });
  const next = () => form.getByRole("button", { name: "Continuer" }).click();

  await expect(step("Responsables")).toBeVisible();
  for (const guardian of await form.getByLabel("Situation professionnelle").all())
    await guardian.selectOption("En activité");
  await expectAccessible(page);
  await next();
  // The phone is enough for the first step; the rest at a desktop's width.
  await page.setViewportSize({ width: 1280, height: 800 });

  await expect(step("Enfant")).toBeVisible();
  await form.getByRole("radio", { name: "Un enfant à naître" }).check();
  await form.getByLabel("Date prévue de naissance").fill(birthDue);
  await form.getByLabel("Prénom", { exact: true }).fill("Maëlle");
  await next();

  await expect(step("Type de garde")).toBeVisible();
  await form.getByRole("radio", { name: "Accueil régulier" }).check();
  await form.getByRole("checkbox", { name: "Lundi" }).check();
  await form.getByRole("checkbox", { name: "Jeudi" }).check();
  await form.getByLabel("Date d'entrée souhaitée").fill(startOn);
  await next();

  await expect(step("Structures souhaitées")).toBeVisible();
  for (const [index, [name, kind]] of WISHES.entries())
    await form.getByLabel(`Choix n°${index + 1}`).selectOption({ label: `${name} (${kind})` });
  await next();

  await expect(step("Pièces justificatives")).toBeVisible();
  await form
    .getByLabel(/^Certificat de grossesse/)
    .setInputFiles({ name: "grossesse.pdf", mimeType: "application/pdf", buffer: await onePagePdf() });
  await next();

  await expect(step("Récapitulatif")).toBeVisible();
  await form.getByRole("button", { name: "Envoyer ma demande" }).click();
  const sent = page.getByRole("status").filter({ hasText: "a bien été envoyée" });
  await expect(sent).toBeVisible();
  return (await sent.textContent())!.match(/D\d{4}-\d{6}/)![0];
}

/** The first wished structure whose bébés have a place left, read from the commission's capacity table. */
async function structureWithPlaceLeft(agent: Page): Promise<{ name: string; option: string }> {
  for (const [index, [name]] of WISHES.entries()) {
    const cells = agent.getByRole("row").filter({ hasText: name }).filter({ hasText: "Bébés" }).getByRole("cell");
    if (Number(await cells.last().textContent()) > 0) return { name, option: `${name} (choix n°${index + 1})` };
  }
  throw new Error("no bébé place left in the wished structures");
}

test("a family applies for a child to be born, the commission offers a place, the family accepts it", async ({
  page,
  own,
  openPage,
}) => {
  test.slow(); // three people, six form steps, axe audits
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/demo/espace-famille/creche/nouvelle-demande");
  const reference = await applyForChildToBeBorn(page);

  // The agent finds it in Petite enfance and decides it at today's commission.
  const agent = await openPage("agent");
  await agent.goto("/demo/agent/petite-enfance");
  await expect(agent.getByRole("row").filter({ hasText: reference })).toContainText("En attente de commission");
  await agent.getByRole("link", { name: "Préparer une commission" }).click();
  await expect(agent.getByRole("heading", { level: 1, name: "Commission petite enfance" })).toBeVisible();
  const structure = await structureWithPlaceLeft(agent);
  const row = agent.getByRole("listitem").filter({ has: agent.getByRole("heading", { name: new RegExp(reference) }) });
  await row.getByRole("radio", { name: "Place proposée" }).check();
  await row.getByRole("combobox", { name: "Structure" }).selectOption({ label: structure.option });
  await row.getByLabel("Date d'entrée").fill(startOn);
  await expectAccessible(agent);
  await agent.getByRole("button", { name: "Enregistrer les décisions" }).click();
  await expect(agent.getByRole("status").filter({ hasText: /Décisions enregistrées/ })).toBeVisible();

  // The family answers in its space: the birth is asked for the child that was expected.
  await page.goto("/demo/espace-famille/creche");
  await page.getByRole("row").filter({ hasText: reference }).getByRole("link", { name: reference }).click();
  const answer = page.getByRole("region", { name: "Répondre à la place proposée" });
  await expect(answer).toContainText(`${structure.name} à partir du ${shown(startOn)}`);
  await expectAccessible(page);
  await answer.getByRole("textbox", { name: "Prénom" }).fill("Maëlle");
  await answer.getByRole("radio", { name: "Fille" }).check();
  // Before the browser's real today as well as the server's fixed one (the field refuses a future date).
  await answer.getByLabel("Date de naissance").fill(addDays(earlierDay(TODAY, parisDay(new Date())), -1));
  await answer.getByRole("button", { name: "Accepter la place" }).click();
  await expect(page.getByRole("definition").filter({ hasText: /^Place acceptée$/ })).toBeVisible();

  await page.goto("/demo/espace-famille/dossier");
  await expect(page.getByText(`Maëlle ${own.martin.name}`).first()).toBeVisible();
  await page.goto(`/demo/espace-famille/planning?vue=semaine&date=${startOn}`);
  await expect(page.getByRole("button", { name: new RegExp(`^Maëlle, ${structure.name}, `) }).first()).toBeVisible();
  await expectAccessible(page);
});

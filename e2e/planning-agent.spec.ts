import { addDays, parisDay, parisInstant } from "../lib/planning/days";
import { expect, expectAccessible, machinePage, test } from "./fixtures";
import { CLOCK_START } from "./run-settings";

const cronSecret = process.env.CRON_SECRET ?? "e2e-cron-secret-0123456789";

/** The end (13:00 or 18:00, Paris) of the accusé de traitement window that decisions made at `now` fall into. */
function digestWindowEnd(now: Date): Date {
  const today = parisDay(now);
  const ends = [today, addDays(today, 1)].flatMap((day) => ["13:00", "18:00"].map((time) => parisInstant(day, time)));
  // A window ending at E covers decisions up to E + 1 minute (see lib/planning/digest-windows.ts).
  return ends.find((end) => end.getTime() + 60_000 > now.getTime())!;
}

test.use({ signedInAs: "agent" });

test("an agent reviews the activities and creates one", async ({ page }) => {
  await page.goto("/demo/agent");
  await page.getByRole("link", { name: /^Activités/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Activités" })).toBeVisible();
  const periMatin = page.getByRole("row").filter({ has: page.getByRole("rowheader", { name: "1/Péri MATIN" }) });
  await expect(periMatin).toContainText("lundi, mardi, jeudi, vendredi de 07:30 à 08:30");
  await expect(periMatin).toContainText("J-2 avant 10:00 (jours ouvrés)");
  await expectAccessible(page);

  await page.getByRole("link", { name: "Créer une activité" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Créer une activité" })).toBeVisible();
  await page.getByRole("textbox", { name: "Heure de début" }).fill("17:30");
  await page.getByRole("textbox", { name: "Heure de fin" }).fill("16:30");
  await page.getByRole("button", { name: "Créer l'activité" }).click();
  await expect(page.getByText("Le nom de l'activité est obligatoire.")).toBeVisible();
  await expect(page.getByText("L'heure de fin doit être après l'heure de début.")).toBeVisible();
  await expectAccessible(page);

  const name = `Atelier théâtre ${Date.now()}`;
  await page.getByRole("textbox", { name: "Nom de l'activité" }).fill(name);
  await page.getByRole("textbox", { name: "Établissement" }).fill("Centre culturel");
  await page.getByRole("combobox", { name: "Catégorie" }).selectOption({ label: "Accueil de loisirs" });
  await page.getByRole("textbox", { name: "Heure de fin" }).fill("18:30");
  await page.getByRole("textbox", { name: "Capacité (places par jour)" }).fill("12");
  await page.getByRole("button", { name: "Créer l'activité" }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Activité ${name}` })).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: "L'activité a été créée." })).toBeVisible();
  await expectAccessible(page);
});

/**
 * The seed leaves three pending requests in each MARTIN household: one day of 1/Péri MATIN for Hugo and four for
 * Léa (the first on Hugo's day), and a canteen absence for Hugo. The agent accepts Hugo's day and refuses Léa's first
 * one, in the test's own copy of MARTIN; its family's accusé de traitement lists both.
 */
test("an agent accepts one booking and refuses another with a message; the family's digest lists both", async ({
  page,
  own,
}) => {
  const hugoName = `Hugo ${own.martin.name}`;
  const leaName = `Léa ${own.martin.name}`;
  await page.goto("/demo/agent");
  await page.getByRole("link", { name: /^Réservations et absences/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Réservations et absences" })).toBeVisible();
  await expectAccessible(page);

  // The first day of 1/Péri MATIN with requests (unless it is already the one shown).
  const pendingDay = page
    .getByRole("table", { name: /Demandes en attente par jour/ })
    .getByRole("row")
    .filter({ hasText: "1/Péri MATIN" })
    .first();
  const dayLabel = (await pendingDay.getByRole("rowheader").textContent())!.trim();
  const open = pendingDay.getByRole("link", { name: /^Traiter/ });
  if (await open.count()) await open.click();
  await expect(page.getByRole("heading", { level: 2, name: `1/Péri MATIN – ${dayLabel}` })).toBeVisible();

  const requests = page.getByRole("table", { name: /Demandes en attente du/ });
  const hugo = requests.getByRole("row").filter({ hasText: hugoName });
  const lea = requests.getByRole("row").filter({ hasText: leaName });
  const hugoReference = (await hugo.getByRole("cell", { name: /^D\d{4}-\d{6}$/ }).textContent())!.trim();
  const leaReference = (await lea.getByRole("cell", { name: /^D\d{4}-\d{6}$/ }).textContent())!.trim();
  await expect(hugo).toContainText("Réservation");

  await hugo.getByRole("checkbox").check();
  await page.getByRole("button", { name: "Accepter", exact: true }).click();
  const report = page.getByRole("status").filter({ hasText: "1 acceptée." });
  await expect(report).toContainText(`${hugoName}, ${hugoReference} : réservation acceptée.`);
  await expect(hugo).toHaveCount(0);

  // A refusal needs a message for the family.
  await lea.getByRole("checkbox").check();
  await page.getByRole("button", { name: "Refuser", exact: true }).click();
  await expect(page.getByText("Saisissez le message expliquant le refus à la famille.")).toBeVisible();
  const message = "Le Péri MATIN est fermé ce jour-là pour une formation des animateurs.";
  await page.getByRole("textbox", { name: "Message à la famille" }).fill(message);
  await page.getByRole("button", { name: "Refuser", exact: true }).click();
  await expect(page.getByRole("status").filter({ hasText: "1 refusée." })).toContainText(
    `${leaName}, ${leaReference} : réservation refusée.`,
  );
  await expect(lea).toHaveCount(0);

  // The day's roster: Hugo is expected; Léa, refused, is on no list.
  const present = page.getByRole("region", { name: /Présents prévus/ });
  await expect(present.getByRole("rowheader", { name: hugoName })).toBeVisible();
  await expect(present.getByRole("rowheader", { name: leaName })).toHaveCount(0);
  await expect(page.getByRole("region", { name: /Liste d'attente/ })).not.toContainText(leaName);
  await expectAccessible(page);

  // The accusé de traitement of the window these decisions belong to, sent as soon as it ends: the server's clock
  // started at 08:00 (e2e/run-settings.ts), and a run ends long before that window does, at 13:00.
  const windowEnd = digestWindowEnd(new Date(CLOCK_START));
  const cron = await page.request.get(
    `/api/cron/maintenance?now=${new Date(windowEnd.getTime() + 2 * 60_000).toISOString()}`,
    {
      headers: { Authorization: `Bearer ${cronSecret}` },
    },
  );
  expect(cron.ok()).toBe(true);

  const mailbox = await machinePage(page);
  await mailbox.goto("/boite-mail-locale");
  await mailbox
    .getByRole("row")
    .filter({ hasText: own.martin.account.email })
    .filter({ hasText: "Accusé de traitement" })
    .first()
    .getByRole("link")
    .click();
  // The text version: one line per day (day, time, type, child, activity, decision), then the town's message.
  const day = dayLabel.split(" ").at(-1)!;
  const mail = mailbox.locator(".mail-text");
  await expect(mail).toContainText(
    new RegExp(`${day}\\s+\\S+\\s+Réservation\\s+${hugoName}\\s+1/Péri MATIN\\s+Acceptée`),
  );
  await expect(mail).toContainText(
    new RegExp(`${day}\\s+\\S+\\s+Réservation\\s+${leaName}\\s+1/Péri MATIN\\s+Refusée`),
  );
  await expect(mail).toContainText(`Message de la collectivité : ${message}`);
  await mailbox.context().close();
});

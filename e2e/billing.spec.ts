import { readFile } from "node:fs/promises";
import type { Page, TestInfo } from "@playwright/test";
import { PDFDocument } from "pdf-lib";
import { extractText, getDocumentProxy } from "unpdf";
import { expect, expectAccessible, test } from "./fixtures";
import { TODAY } from "./run-settings";

/*
 * Issue #10's whole loop, on the test's own copy of MARTIN: the family stops paying by direct debit (its invoices
 * would otherwise stay "Prélèvement le …" whatever it pays at the counter); an agent sets a tariff and issues a
 * month's invoices; the family finds the new invoice under "Factures à payer", opens it and downloads its PDF (whose
 * text the test reads); the agent records a cheque for half of it; the family sees the cheque in Mes règlements and
 * Mes opérations, and the invoice "Partiellement payée" with the rest to pay.
 *
 * A month is issued once per run of the server. December 2026 is the page's default at the e2e clock (January
 * 2027); a retry or a repetition (--repeat-each) takes November, then October: the first month of that list, from
 * its own place in it, that "Émissions précédentes" does not list yet. The tariff is added from that month's first
 * day (a tariff cannot change the price of days already invoiced), on 3/Péri SOIR: the billing settings spec reads
 * 2/Repas Sco's tariffs.
 */

type Month = { value: string; label: string; name: string; firstDay: string };

const MONTHS: Month[] = [
  { value: "2026-12", label: "Décembre 2026", name: "décembre 2026", firstDay: "2026-12-01" },
  { value: "2026-11", label: "Novembre 2026", name: "novembre 2026", firstDay: "2026-11-01" },
  { value: "2026-10", label: "Octobre 2026", name: "octobre 2026", firstDay: "2026-10-01" },
];

const ACTIVITY = "3/Péri SOIR";
/** The new tariff: MARTIN's quotient (780) falls in the second bracket. */
const TARIFF = {
  defaultPrice: "3,10",
  brackets: [
    ["600", "0,95"],
    ["1000", "1,85"],
  ],
  above: "2,95",
} as const;
const MARTIN_UNIT_PRICE = "1,85 €";

/** "2026-12-01" → "01/12/2026", as the pages print a day. */
const shownDay = (day: string) => day.split("-").reverse().join("/");
/** Amounts as the pages print them ("86,40 €", with no-break spaces) → cents. */
const centsOf = (text: string) => Math.round(Number(text.replace(/[^\d,]/g, "").replace(",", ".")) * 100);
/** Cents → "43,20 €" as formatEuros prints it (no-break space before the sign; narrow one between thousands). */
const euros = (cents: number) =>
  new Intl.NumberFormat("fr-FR", { style: "currency", currency: "EUR" }).format(cents / 100);
/**
 * Any kind of space as a plain one. The page prints "148,90 €" with a no-break space before the sign (and a narrow
 * one between thousands); the PDF prints both as no-break spaces (its standard fonts lack the narrow one), which
 * its extracted text gives back as plain spaces.
 */
const plainSpaces = (text: string) => text.replace(/[\s\u00a0\u202f]+/g, " ");

/** The value of a fact ("Montant", "Période"…) of the description list of an invoice's detail. */
const fact = (page: Page, label: string) =>
  page
    .locator("dl > dt")
    .filter({ hasText: new RegExp(`^${label}$`) })
    .locator("xpath=following-sibling::dd[1]");

/** This attempt's month: from its place in the list (repetition, retry) on, the first one not issued yet. */
async function chooseMonth(agent: Page, testInfo: TestInfo): Promise<Month> {
  await agent.goto("/demo/agent/facturation/emission");
  await expect(agent.getByRole("heading", { level: 1, name: "Émission des factures" })).toBeVisible();
  const pastRuns = agent.getByRole("table", { name: "Émissions précédentes" });
  await expect(pastRuns.or(agent.getByText("Aucune facture n'a encore été émise."))).toBeVisible();
  const issued = new Set(
    (await pastRuns.getByRole("rowheader").allTextContents()).map((label) => label.trim().toLowerCase()),
  );
  const start = testInfo.repeatEachIndex * (testInfo.project.retries + 1) + testInfo.retry;
  const month = [...MONTHS.slice(start % MONTHS.length), ...MONTHS].find((m) => !issued.has(m.name));
  if (!month) throw new Error(`${MONTHS.map((m) => m.name).join(", ")} are all issued: restart the server.`);
  return month;
}

test("an agent prices and issues a month; the family pays part of its invoice by cheque and follows it", async ({
  openPage,
  own,
}, testInfo) => {
  // Twelve pages audited by axe along one flow: 2-3 minutes on a busy machine.
  test.setTimeout(240_000);
  const agent = await openPage("agent");
  const family = await openPage("own family");
  const household = own.martin.name;
  const month = await chooseMonth(agent, testInfo);
  const emissionCode = `${month.value}-ENF`;
  const today = shownDay(TODAY);

  await test.step("the family stops paying by direct debit; the agent accepts", async () => {
    // The seed's MARTIN pays by direct debit, whose invoices a counter payment leaves "Prélèvement le …": the family
    // asks to pay at the counter from now on, and the agent accepts it before the month is issued.
    await family.goto("/demo/espace-famille/dossier");
    await family.getByRole("link", { name: `Madame Claire ${household}` }).click();
    const bank = family.getByRole("region", { name: "Données bancaires" });
    await bank.getByRole("checkbox", { name: "Je souhaite être en prélèvement automatique" }).uncheck();
    // A change of bank details comes with the RIB (issue #12).
    const rib = await PDFDocument.create();
    rib.addPage([595, 300]);
    await bank.getByLabel("RIB (PDF, JPEG ou PNG, 10 Mo maximum)").setInputFiles({
      name: "RIB.pdf",
      mimeType: "application/pdf",
      buffer: Buffer.from(await rib.save()),
    });
    await bank.getByRole("button", { name: "Enregistrer les modifications" }).click();
    const request = /référence (D\d{4}-\d{6})/.exec((await bank.getByRole("status").textContent()) ?? "")?.[1];
    expect(request, "the bank change's reference").toBeTruthy();
    await expectAccessible(family);
    await agent.goto(`/demo/agent/demandes?q=${request}`);
    await agent.getByRole("link", { name: request }).click();
    await expect(agent.getByRole("heading", { level: 1, name: new RegExp(`Demande ${request}`) })).toBeVisible();
    await expectAccessible(agent);
    await agent.getByRole("button", { name: "Accepter", exact: true }).click();
    await expect(agent.getByRole("status").filter({ hasText: `${request} : acceptée` })).toBeVisible();
  });

  await test.step(`the agent adds a tariff of ${ACTIVITY} from ${month.firstDay}`, async () => {
    await agent.goto("/demo/agent/facturation");
    await agent.getByRole("link", { name: /^Paramètres/ }).click();
    await expect(agent.getByRole("heading", { level: 1, name: "Paramètres de facturation" })).toBeVisible();
    await agent.getByRole("link", { name: ACTIVITY, exact: true }).click();
    await expect(agent.getByRole("heading", { level: 1, name: `Facturation de ${ACTIVITY}` })).toBeVisible();
    const form = agent.getByRole("form", { name: "Tarif" });
    // The form starts from the latest tariff's brackets (four in the seed): keep three, two limits and "au-delà".
    const brackets = form.getByRole("group", { name: /^(Tranche \d+|Dernière tranche.*)$/ });
    await expect(brackets.first()).toBeVisible();
    while ((await brackets.count()) > 3) await form.getByRole("button", { name: "Retirer la tranche 1" }).click();
    while ((await brackets.count()) < 3) await form.getByRole("button", { name: "Ajouter une tranche" }).click();
    await form.getByRole("textbox", { name: "Applicable à partir du" }).fill(month.firstDay);
    await form.getByRole("textbox", { name: "Prix quand le quotient est inconnu (€)" }).fill(TARIFF.defaultPrice);
    for (const [index, [upTo, price]] of TARIFF.brackets.entries()) {
      const bracket = form.getByRole("group", { name: `Tranche ${index + 1}`, exact: true });
      await bracket.getByRole("textbox", { name: "QF jusqu'à" }).fill(upTo);
      await bracket.getByRole("textbox", { name: "Prix (€)" }).fill(price);
    }
    const last = form.getByRole("group", { name: "Dernière tranche : QF au-delà de 1000" });
    await last.getByRole("textbox", { name: "Prix (€)" }).fill(TARIFF.above);
    await form.getByRole("button", { name: "Enregistrer le tarif" }).click();
    await expect(
      agent.getByRole("status").filter({
        hasText: new RegExp(
          `Le tarif applicable à partir du ${shownDay(month.firstDay)} a été (enregistré|corrigé)\\.`,
        ),
      }),
    ).toBeVisible();
    const saved = agent
      .getByRole("row")
      .filter({ has: agent.getByRole("rowheader", { name: shownDay(month.firstDay) }) });
    await expect(saved.getByRole("cell").first()).toHaveText("3,10 €");
    await expect(saved).toContainText("QF jusqu'à 600 : 0,95 €");
    await expect(saved).toContainText(`QF jusqu'à 1000 : ${MARTIN_UNIT_PRICE}`);
    await expect(saved).toContainText("QF au-delà de 1000 : 2,95 €");
    await expectAccessible(agent);
  });

  await test.step(`the agent issues the invoices of ${month.name}`, async () => {
    await agent.goto("/demo/agent/facturation");
    await agent.getByRole("link", { name: /^Émission des factures/ }).click();
    await expect(agent.getByRole("heading", { level: 1, name: "Émission des factures" })).toBeVisible();
    await agent.getByRole("combobox", { name: "Mois facturé" }).selectOption({ label: month.label });
    await agent.getByRole("button", { name: "Afficher l'aperçu" }).click();
    await expect(
      agent.getByRole("heading", { level: 2, name: `Régie enfance jeunesse – ${month.label}` }),
    ).toBeVisible();
    await expect(agent.getByText(emissionCode, { exact: true })).toBeVisible();
    await expect(
      agent
        .getByRole("table", { name: /^Familles facturées/ })
        .getByRole("row")
        .nth(1),
    ).toBeVisible();
    await expectAccessible(agent);
    await agent.getByRole("button", { name: "Émettre les factures" }).click();
    await expect(
      agent.getByRole("status").filter({ hasText: new RegExp(`Les factures de ${month.name} (sont|ont été) émises`) }),
    ).toBeVisible();
    await expect(
      agent
        .getByRole("table", { name: "Émissions précédentes" })
        .getByRole("row")
        .filter({ has: agent.getByRole("rowheader", { name: month.label }) }),
    ).toContainText(emissionCode);
  });

  let reference = "";
  let total = "";
  await test.step("the family finds the new invoice to pay, opens it and downloads its PDF", async () => {
    await family.goto("/demo/espace-famille");
    await family
      .getByRole("navigation", { name: "Menu principal" })
      .getByRole("link", { name: "Espace facturation" })
      .click();
    await expect(family.getByRole("heading", { level: 1, name: "Espace facturation" })).toBeVisible();
    await family.getByRole("link", { name: "Factures à payer" }).click();
    await expect(family.getByText("Seules les factures qui restent à payer sont affichées.")).toBeVisible();
    await expectAccessible(family);
    const invoices = family.getByRole("table", { name: /^Historique des factures/ });
    // Issued today: this month's invoice (and another month's when repetitions of this test run side by side).
    const issuedToday = invoices
      .getByRole("row")
      .filter({ has: family.getByRole("cell", { name: today, exact: true }) });
    await expect(issuedToday.first()).toContainText("À payer");
    for (const candidate of (await issuedToday.getByRole("rowheader").allTextContents()).map((r) => r.trim())) {
      await invoices.getByRole("link", { name: `Facture ${candidate} : détail` }).click();
      await expect(family.getByRole("heading", { level: 1, name: `Facture n° ${candidate}` })).toBeVisible();
      if ((await fact(family, "Période").textContent())?.trim().toLowerCase() === month.name) {
        reference = candidate;
        break;
      }
      await family.goBack();
    }
    expect(reference, `an invoice of ${month.name} issued today`).toMatch(/^F\d{4}-\d{6}$/);
    total = (await fact(family, "Montant").textContent())!.trim();
    expect(centsOf(total)).toBeGreaterThan(0);
    await expect(fact(family, "Famille")).toHaveText(household);
    await expect(fact(family, "Date d'émission")).toHaveText(today);
    await expect(fact(family, "Déjà réglé")).toHaveText("0,00 €");
    await expect(fact(family, "Solde à payer")).toHaveText(total);
    await expect(fact(family, "Statut")).toHaveText("À payer");
    // The lines by child and activity: 3/Péri SOIR at the new tariff's price for MARTIN's quotient.
    for (const child of ["Léa", "Hugo"]) {
      const lines = family.getByRole("region", { name: `${child} ${household}`, exact: true });
      const periSoir = lines.getByRole("row").filter({ has: family.getByRole("rowheader", { name: ACTIVITY }) });
      await expect(periSoir.first()).toBeVisible();
      for (const line of await periSoir.all()) {
        await expect(line).toContainText(month.name, { ignoreCase: true });
        await expect(line).toContainText(`× ${MARTIN_UNIT_PRICE}`);
      }
    }
    await expect(family.getByRole("region", { name: `Zoé ${household}`, exact: true })).toContainText("2/Repas Sco");
    await expectAccessible(family);

    const downloading = family.waitForEvent("download");
    await family.getByRole("link", { name: "Télécharger la facture (PDF)" }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toBe(`facture-${reference}.pdf`);
    const pdf = await getDocumentProxy(new Uint8Array(await readFile((await download.path())!)));
    const text = plainSpaces((await extractText(pdf, { mergePages: true })).text);
    expect(text).toContain(`Facture n° ${reference}`);
    expect(text).toContain(plainSpaces(total));
    expect(text).toContain(`Code émission : ${emissionCode}`);
    expect(text).toContain(household);
  });

  const paidCents = Math.floor(centsOf(total) / 2);
  const paid = euros(paidCents);
  const chequeNumber = `${Date.now()}`.slice(-7);
  let operationNumber = "";
  await test.step("the agent records a cheque for half of it", async () => {
    const typed = (paidCents / 100).toFixed(2).replace(".", ",");
    await agent.goto("/demo/agent/facturation");
    await agent.getByRole("link", { name: /^Factures\s*Rechercher une facture/ }).click();
    await agent.getByRole("searchbox", { name: "Famille ou numéro de facture" }).fill(household);
    await agent.getByRole("button", { name: "Rechercher" }).click();
    const found = agent
      .getByRole("table", { name: /^Factures/ })
      .getByRole("row")
      .filter({ has: agent.getByRole("rowheader", { name: reference }) });
    await expect(found).toContainText(`Famille ${household}`);
    await expect(found).toContainText(total);
    await expectAccessible(agent);
    await found.getByRole("link", { name: reference }).click();
    await expect(agent.getByRole("heading", { level: 1, name: new RegExp(reference) })).toBeVisible();
    await expectAccessible(agent);
    await agent.getByRole("link", { name: "Enregistrer un règlement" }).click();
    await expect(
      agent.getByRole("heading", { level: 1, name: `Enregistrer un règlement – Famille ${household}` }),
    ).toBeVisible();
    const payment = agent.getByRole("form", { name: "Enregistrer un règlement" });
    await payment.getByRole("checkbox", { name: `Régler la facture ${reference}` }).check();
    await payment.getByRole("textbox", { name: `Montant affecté à la facture ${reference}, en euros` }).fill(typed);
    await expect(payment.getByText(`Total affecté aux factures : ${paid}`)).toBeVisible();
    await expect(payment.getByRole("combobox", { name: "Moyen de paiement" })).toHaveValue("cheque");
    await payment.getByRole("textbox", { name: "N° de chèque" }).fill(chequeNumber);
    await payment.getByRole("textbox", { name: "Montant du règlement" }).fill(typed);
    await expectAccessible(agent);
    await payment.getByRole("button", { name: "Enregistrer le règlement" }).click();
    const recorded = agent.getByRole("status").filter({ hasText: `Règlement de ${paid} enregistré sous le n° ` });
    await expect(recorded).toBeVisible();
    operationNumber = /enregistré sous le n° (\S+)\.$/.exec((await recorded.textContent())!.trim())![1]!;
  });

  await test.step("the family sees the cheque and the invoice partly paid", async () => {
    await family.goto("/demo/espace-facturation");
    await family.getByRole("link", { name: "Mes règlements" }).click();
    await expect(family.getByRole("heading", { level: 1, name: "Mes règlements" })).toBeVisible();
    const cheque = family.getByRole("row").filter({ has: family.getByRole("rowheader", { name: operationNumber }) });
    await expect(cheque).toContainText(today);
    await expect(cheque).toContainText(`Chèque n° ${chequeNumber}`);
    await expect(cheque.getByRole("link", { name: reference })).toBeVisible();
    await expect(cheque).toContainText(paid);
    await expect(cheque).toContainText("Pris en compte");
    await expectAccessible(family);

    await family.getByRole("link", { name: "Mes opérations" }).click();
    await expect(family.getByRole("heading", { level: 1, name: "Mes opérations" })).toBeVisible();
    const debit = family
      .getByRole("row")
      .filter({ has: family.getByRole("rowheader", { name: `Facture n° ${reference} (Régie enfance jeunesse)` }) });
    await expect(debit).toContainText(total);
    const credit = family
      .getByRole("row")
      .filter({ has: family.getByRole("rowheader", { name: `Règlement chèque – facture n° ${reference}` }) });
    await expect(credit).toContainText(today);
    await expect(credit).toContainText(paid);
    await expectAccessible(family);

    await family.getByRole("link", { name: "Mes factures" }).click();
    await family.getByRole("link", { name: "Factures à payer" }).click();
    await expect(family.getByText("Seules les factures qui restent à payer sont affichées.")).toBeVisible();
    const row = family
      .getByRole("table", { name: /^Historique des factures/ })
      .getByRole("row")
      .filter({ has: family.getByRole("rowheader", { name: reference }) });
    await expect(row).toContainText("Partiellement payée");
    const settlements = family.getByRole("table", { name: `Règlements de la facture ${reference}` });
    const settlement = settlements.getByRole("row").filter({ hasText: operationNumber });
    await expect(settlement).toContainText(`Chèque n° ${chequeNumber}`);
    await expect(settlement).toContainText(paid);
    await expect(settlements.getByRole("row").filter({ hasText: "Solde à payer" })).toContainText(
      euros(centsOf(total) - paidCents),
    );
    await expectAccessible(family);
  });
});

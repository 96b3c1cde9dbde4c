import type { Locator, Page } from "@playwright/test";
import { addDays, isoWeekday } from "../lib/planning/days";
import { expect, expectAccessible, test } from "./fixtures";
import { CLOCK_START, TODAY as today } from "./run-settings";

/*
 * The Planning des activités of a MARTIN household (db/seed-planning.ts): booked up to two weeks from today, free
 * after that. The server's clock is fixed (e2e/run-settings.ts), so the days looked for are always there; they are
 * still found in the calendar itself rather than named. Tests that only look use the demo's MARTIN; those that ask
 * for something use their own copy of it.
 */

const planningUrl = (vue: string, date: string) => `/demo/espace-famille/planning?vue=${vue}&date=${date}`;
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");

/** Slot buttons are named "Léa, 3/Péri SOIR, lundi 14/12/2026, 16:30 – 18:30 : Inscrit, non réservé". */
function slotButtons(page: Page, who: { child?: string; activity?: string; day?: string; state?: string }) {
  const any = "[^,]+";
  const name = `^${who.child ? escapeRegExp(who.child) : any}, ${who.activity ? escapeRegExp(who.activity) : ".+"}, ${who.day ? escapeRegExp(who.day) : "\\S+ \\d{2}/\\d{2}/\\d{4}"}, \\d{2}:\\d{2} – \\d{2}:\\d{2} : ${who.state ? escapeRegExp(who.state) : ".+"}$`;
  return page.getByRole("button", { name: new RegExp(name) });
}

/** "lundi 14/12/2026" from a slot's accessible name. */
async function dayOf(slot: Locator): Promise<string> {
  const name = (await slot.getAttribute("aria-label"))!;
  return /, (\S+ \d{2}\/\d{2}\/\d{4}), /.exec(name)![1]!;
}

/** Opens slots one by one (from the day `from`, `pages` school weeks or days on) until the dialog says `wanted`; leaves it open. */
async function openFirstSlot(
  page: Page,
  who: Parameters<typeof slotButtons>[1],
  wanted: RegExp,
  from: { vue: "semaine5" | "jour"; date: string; pages: number },
) {
  for (let step = 0; step < from.pages; step++) {
    await page.goto(planningUrl(from.vue, addDays(from.date, (from.vue === "jour" ? 1 : 7) * step)));
    // The browser draws the grid (its layout depends on the screen): count the slots once it is there.
    await expect(page.getByText("Chargement du planning…")).toHaveCount(0);
    const candidates = slotButtons(page, who);
    const count = await candidates.count();
    for (let i = 0; i < count; i++) {
      const slot = candidates.nth(i);
      // Read before opening: the dialog hides the rest of the page from the accessibility tree.
      const day = await dayOf(slot);
      await slot.click();
      const dialog = page.getByRole("dialog");
      await expect(dialog.getByText(/Historique du créneau/)).toBeVisible();
      if (await dialog.getByText(wanted).isVisible()) return { dialog, day };
      await dialog.getByRole("button", { name: "Fermer" }).click();
    }
  }
  return null;
}

// The calendar marks today and the time from the browser's clock: the server's day.
test.beforeEach(async ({ page }) => {
  await page.clock.setSystemTime(new Date(CLOCK_START));
});

test.describe("looking at the demo's MARTIN planning", () => {
  test.use({ signedInAs: "family" });

  test("the planning shows the children's slots with filters and legend, and opens on the day on a phone", async ({
    page,
  }) => {
    await page.goto(planningUrl("semaine", today));
    await expect(page.getByRole("heading", { level: 1, name: "Planning des activités" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Semaine", exact: true })).toHaveAttribute("aria-current", "page");
    await expect(
      page.getByText("Seules les activités auxquelles vos enfants sont inscrits sont affichées sur ce planning."),
    ).toBeVisible();
    const legend = page.getByRole("region", { name: "Légende" });
    for (const state of [
      "Inscrit, non réservé",
      "Réservation demandée",
      "Absence demandée",
      "Réservé / présent",
      "Liste d'attente",
      "Absent",
      "Absence facturée (€)",
      "Refusé",
    ]) {
      await expect(legend.getByText(state, { exact: true })).toBeVisible();
    }
    await expect(page.getByRole("link", { name: "Réservations" })).toHaveAttribute(
      "href",
      "/demo/espace-famille/planning/reservation",
    );
    await expect(page.getByRole("link", { name: "Absences" })).toHaveAttribute(
      "href",
      "/demo/espace-famille/planning/absence",
    );
    await expect(page.getByRole("link", { name: "Liste" })).toHaveAttribute(
      "href",
      "/demo/espace-famille/planning/liste",
    );
    await expectAccessible(page);

    // Four weeks ahead every school week has slots for Léa: hiding her hides them, showing her brings them back.
    await page.goto(planningUrl("semaine", addDays(today, 28)));
    await page.getByText("Afficher ou masquer des enfants et des activités").click();
    const lea = slotButtons(page, { child: "Léa" });
    const leaShown = await lea.count();
    await page.getByRole("switch", { name: "MARTIN Léa" }).uncheck();
    await expect(lea).toHaveCount(0);
    await page.getByRole("switch", { name: "MARTIN Léa" }).check();
    await expect(lea).toHaveCount(leaShown);

    // Without ?vue, a phone gets the day.
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto("/demo/espace-famille/planning");
    await expect(page.getByRole("link", { name: "Jour", exact: true })).toHaveAttribute("aria-current", "page");
    await expectAccessible(page);
  });

  test("a day past its deadline says why it cannot be asked for", async ({ page }) => {
    // Today's and tomorrow's slots are past the towns' J-2 deadlines.
    const found = await openFirstSlot(page, {}, /impossible : Délai dépassé/, { vue: "jour", date: today, pages: 10 });
    expect(found, "a slot past its deadline in the coming ten days").not.toBeNull();
    const { dialog } = found!;
    await expect(
      dialog.getByText(
        /impossible : Délai dépassé : les (réservations|absences) pour ce jour étaient possibles jusqu'au \d{2}\/\d{2}\/\d{4} à \d{2}:\d{2} \(J-\d+ avant \d{2}:\d{2}/,
      ),
    ).toBeVisible();
    await expect(dialog.getByRole("button", { name: /Demander la réservation|Déclarer l'absence/ })).toHaveCount(0);
    await expectAccessible(page);
  });
});

test.describe("on a phone", () => {
  test.use({ signedInAs: "family", viewport: { width: 390, height: 844 } });

  test("the planning's day keeps its place while the page loads: nothing below it moves", async ({ page }) => {
    // A Saturday: no slot, the day drawn shortest, and the text under it in the first screen.
    const saturday = addDays(today, (13 - isoWeekday(today)) % 7 || 7);
    await page.addInitScript(() => {
      const shifts: number[] = [];
      (window as unknown as { shifts: number[] }).shifts = shifts;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries() as (PerformanceEntry & { value: number })[]) shifts.push(entry.value);
      }).observe({ type: "layout-shift", buffered: true });
    });
    await page.goto(`/demo/espace-famille/planning?date=${saturday}`);
    await expect(page.getByRole("link", { name: "Jour", exact: true })).toHaveAttribute("aria-current", "page");
    await expect(page.getByText("Chargement du planning…")).toHaveCount(0);
    await expect(page.getByText("Aucun créneau")).toBeVisible();
    // Layout shifts are reported after the frame that showed them.
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 100))));
    expect(await page.evaluate(() => (window as unknown as { shifts: number[] }).shifts)).toEqual([]);
    await expectAccessible(page);
  });
});

test.describe("asking on the test's own MARTIN planning", () => {
  test.use({ signedInAs: "own family" });

  test("a free day is booked from the planning, then the pending request is cancelled", async ({ page, own }) => {
    const leaFree = { child: "Léa", activity: "3/Péri SOIR", state: "Inscrit, non réservé" };
    const found = await openFirstSlot(page, leaFree, /^Demander la réservation de 3\/Péri SOIR pour Léa le /, {
      vue: "semaine5",
      date: addDays(today, 28),
      pages: 6,
    });
    expect(found, "a free Péri SOIR day for Léa four weeks ahead").not.toBeNull();
    const { dialog, day } = found!;
    await expect(
      dialog.getByText(`Demander la réservation de 3/Péri SOIR pour Léa le ${day} (16:30 – 18:30) ?`),
    ).toBeVisible();
    await expectAccessible(page);

    await dialog.getByRole("button", { name: "Demander la réservation" }).click();
    await expect(dialog.getByRole("status")).toContainText(
      /Votre demande de réservation est enregistrée \(référence D\d{4}-\d{6}\) : elle est en cours d'instruction/,
    );
    const history = dialog.getByRole("region", { name: "Historique du créneau" }).getByRole("listitem");
    await expect(history).toHaveCount(1);
    await expect(history).toContainText("Demande de réservation");
    await dialog.getByRole("button", { name: "Fermer" }).click();
    const requested = slotButtons(page, { ...leaFree, day, state: "Réservation demandée" });
    await expect(requested).toBeFocused();
    // The answer redrew the slot (the page was not rendered again): Back to it after another page shows the same.
    await page.getByRole("navigation", { name: "Fil d'Ariane" }).getByRole("link", { name: "Espace famille" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Espace famille" })).toBeVisible();
    await page.goBack();
    await expect(requested).toBeVisible();
    await requested.focus();

    // Keyboard: Enter opens the slot, whose pending request may be cancelled.
    await page.keyboard.press("Enter");
    await expect(
      dialog.getByText(`Annuler la demande en cours : réservation de 3/Péri SOIR pour Léa le ${day} (16:30 – 18:30) ?`),
    ).toBeVisible();
    await dialog.getByRole("button", { name: "Annuler la demande" }).click();
    await expect(dialog.getByRole("status")).toHaveText("Votre demande est annulée.");
    await expect(history.last()).toContainText(`Demande annulée par la famille (Claire ${own.martin.name})`);
    await page.keyboard.press("Escape");
    await expect(slotButtons(page, { ...leaFree, day })).toBeFocused();
    // What the server now renders agrees with the redrawn slot.
    await page.reload();
    await expect(slotButtons(page, { ...leaFree, day })).toBeVisible();
  });

  test("an absence is declared on a booked day", async ({ page }) => {
    const zoeBooked = { child: "Zoé", activity: "2/Repas Sco", state: "Réservé / présent" };
    const found = await openFirstSlot(page, zoeBooked, /^Déclarer l'absence de Zoé à 2\/Repas Sco le /, {
      vue: "semaine5",
      date: today,
      pages: 3,
    });
    expect(found, "a booked day of Zoé's canteen before its deadline in the coming two weeks").not.toBeNull();
    const { dialog, day } = found!;
    await dialog.getByRole("button", { name: "Déclarer l'absence" }).click();
    await expect(dialog.getByRole("status")).toContainText(
      /Votre demande d'absence est enregistrée \(référence D\d{4}-\d{6}\)/,
    );
    await dialog.getByRole("button", { name: "Fermer" }).click();
    await expect(slotButtons(page, { ...zoeBooked, day, state: "Absence demandée" })).toBeFocused();
  });
});

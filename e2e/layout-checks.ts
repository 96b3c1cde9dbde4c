import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { expect, type Locator, type Page } from "@playwright/test";
import { CLOCK_START } from "./run-settings";

/*
 * What "readable at a glance" means in the tests: the two screens every page is checked at, no element sticking out
 * sideways, the cells that matter in view without scrolling, and screenshots compared with committed baselines
 * (e2e/__screenshots__/, see playwright.config.ts).
 */

export const PHONE = { width: 390, height: 844 } as const;
export const DESKTOP = { width: 1280, height: 800 } as const;
export const SCREENS = [
  { name: "telephone", size: PHONE },
  { name: "bureau", size: DESKTOP },
] as const;

/**
 * Fails when an element shows past the viewport's right edge (what makes a phone scroll sideways). An element
 * inside a box that clips or scrolls it is judged by that box: tables must fit, not scroll (see expectInView).
 */
export async function expectNoOverflow(page: Page) {
  const overflowing = await page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const clipped = (element: Element) => {
      for (let parent = element.parentElement; parent; parent = parent.parentElement) {
        const { overflowX } = getComputedStyle(parent);
        if (overflowX !== "visible") return true;
      }
      return false;
    };
    const found: string[] = [];
    for (const element of document.body.querySelectorAll("*")) {
      const box = element.getBoundingClientRect();
      if (box.width === 0 || box.height === 0 || box.right <= width + 1 || clipped(element)) continue;
      if (getComputedStyle(element).visibility === "hidden") continue;
      const name = `${element.tagName.toLowerCase()}${element.className ? `.${String(element.className).split(" ")[0]}` : ""}`;
      found.push(`${name} "${(element.textContent ?? "").trim().slice(0, 40)}" ends at ${Math.round(box.right)} px`);
    }
    const pageWidth = document.documentElement.scrollWidth;
    if (pageWidth > width) found.unshift(`the page is ${pageWidth} px wide for a ${width} px viewport`);
    return found.slice(0, 10);
  });
  expect(overflowing, `elements past the right edge of ${page.url()}`).toEqual([]);
}

/**
 * Fails unless every element of `cells` (say, each row's status) is shown and lies entirely within the viewport's
 * width, its scrolling boxes at rest: readable without scrolling sideways.
 */
export async function expectInView(cells: Locator) {
  const count = await cells.count();
  expect(count, "no element to check").toBeGreaterThan(0);
  const outside = await cells.evaluateAll((elements) => {
    const width = document.documentElement.clientWidth;
    return elements.flatMap((element, index) => {
      const box = element.getBoundingClientRect();
      const shown = box.width > 0 && box.height > 0 && getComputedStyle(element).visibility !== "hidden";
      // Clipped by a scrolling or hidden-overflow ancestor: only what lies inside every such box is seen.
      let right = width;
      let left = 0;
      for (let parent = element.parentElement; parent; parent = parent.parentElement) {
        if (getComputedStyle(parent).overflowX === "visible") continue;
        const frame = parent.getBoundingClientRect();
        right = Math.min(right, frame.right);
        left = Math.max(left, frame.left);
      }
      if (shown && box.left >= left - 1 && box.right <= right + 1) return [];
      return [`#${index} "${(element.textContent ?? "").trim().slice(0, 40)}" spans ${box.left}–${box.right} px`];
    });
  });
  expect(outside, "elements not readable without scrolling sideways").toEqual([]);
}

const require = createRequire(import.meta.url);
const FONT_WEIGHTS = [400, 700] as const;
/** Same-origin font addresses (the CSP allows only 'self'), answered by the test from node_modules. */
const FONT_PATH = "/__e2e-fonts/inter-";
/** The same font on every machine (the page's own stack resolves to whatever the system has). */
const STABLE_FONT_CSS = FONT_WEIGHTS.map(
  (weight) => `@font-face{font-family:"E2E Inter";font-weight:${weight};src:url(${FONT_PATH}${weight}.woff2)}`,
)
  .concat(['*,*::before,*::after{font-family:"E2E Inter",sans-serif !important}'])
  .join("\n");

async function applyStableFont(page: Page) {
  await page.route(`**${FONT_PATH}*`, (route) => {
    const weight = FONT_WEIGHTS.find((w) => route.request().url().endsWith(`${w}.woff2`)) ?? 400;
    const file = require.resolve(`@fontsource/inter/files/inter-latin-${weight}-normal.woff2`);
    return route.fulfill({ body: readFileSync(file), contentType: "font/woff2" });
  });
  await page.addStyleTag({ content: STABLE_FONT_CSS });
  await page.evaluate(async () => {
    await Promise.all([...document.fonts].map((face) => face.load().catch(() => undefined)));
    await document.fonts.ready;
  });
}

/** Puts the browser's clock on the server's fixed instant (e2e/run-settings.ts), before the page is opened. */
export async function fixBrowserClock(page: Page) {
  await page.clock.setFixedTime(new Date(CLOCK_START));
}

/**
 * Compares the page (whole length by default) with its committed baseline `name`.png, in a font that is the same on
 * every machine. `mask` hides what changes from run to run (a time, a counter other tests move).
 */
export async function expectScreenshot(
  page: Page,
  name: string,
  options: { mask?: Locator[]; fullPage?: boolean } = {},
) {
  await applyStableFont(page);
  await expect(page).toHaveScreenshot(`${name}.png`, { fullPage: options.fullPage ?? true, mask: options.mask });
}

import AxeBuilder from "@axe-core/playwright";
import { test as base, expect, type Page } from "@playwright/test";

let ipCounter = 0;

/**
 * Each test calls from its own client address (X-Forwarded-For), so the per-IP rate limits of one test
 * never throttle another; tests about throttling set theirs on purpose.
 */
export const test = base.extend<{ clientIp: string }>({
  clientIp: async ({}, use, testInfo) => {
    ipCounter += 1;
    await use(`198.18.${testInfo.workerIndex % 250}.${(ipCounter % 250) + 1}`);
  },
  page: async ({ page, clientIp }, use) => {
    await page.setExtraHTTPHeaders({ "x-forwarded-for": clientIp });
    await use(page);
  },
});

export { expect };

/** Fails on any WCAG 2.1 A/AA violation axe finds on the page as it is now. */
export async function expectAccessible(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const summary = results.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(", ")}`);
  expect(summary, `axe violations on ${page.url()}`).toEqual([]);
}

export const demo = {
  family: { email: "famille@demo.fr", password: "Famille2026demo" },
  agent: { email: "agent@demo.fr", password: "Agent2026demo" },
  admin: { email: "admin@demo.fr", password: "Admin2026demo" },
  otherFamily: { email: "famille@autreville.fr", password: "Famille2026autre" },
  unsubscribedCode: "DRD4H8P3LN",
};

import { existsSync } from "node:fs";
import { defineConfig, devices } from "@playwright/test";
import { chromium } from "playwright-core";
import { CLAIMS_DIR, CLOCK_START, FAMILY_COPIES } from "./e2e/run-settings";

const port = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://127.0.0.1:${port}`;

/**
 * Playwright's own Chromium by default; a system one when PLAYWRIGHT_CHROMIUM_PATH says so, or when Playwright's
 * download is missing and Debian's `chromium` is installed (machines that cannot download browsers).
 */
function systemChromium(): string | undefined {
  if (process.env.PLAYWRIGHT_CHROMIUM_PATH) return process.env.PLAYWRIGHT_CHROMIUM_PATH;
  if (existsSync(chromium.executablePath())) return undefined;
  return ["/usr/bin/chromium", "/usr/bin/chromium-browser"].find(existsSync);
}
const executablePath = systemChromium();

export default defineConfig({
  testDir: "e2e",
  fullyParallel: true,
  workers: process.env.CI ? 2 : undefined,
  retries: process.env.CI ? 1 : 0,
  // Several flows take 45-55 s with two workers on 2 cores (axe audits at two widths): room above that.
  timeout: 90_000,
  expect: {
    timeout: 10_000,
    // Baselines are taken and compared on Linux Chromium (CI's): a few pixels of anti-aliasing may differ.
    toHaveScreenshot: { animations: "disabled", caret: "hide", maxDiffPixelRatio: 0.002 },
  },
  // Visual regression baselines (e2e/layout-checks.ts expectScreenshot), committed with the tests.
  snapshotPathTemplate: "{testDir}/__screenshots__/{testFileName}/{arg}{ext}",
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  use: {
    baseURL,
    locale: "fr-FR",
    timezoneId: "Europe/Paris",
    trace: "retain-on-failure",
    launchOptions: executablePath
      ? {
          executablePath,
          args: [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
          ],
        }
      : undefined,
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"] } }],
  // A production build on a fresh embedded database, seeded with the demo data and the copies of its families at
  // first start (the readiness check's request), started as `npm start`, its clock on a fixed instant.
  webServer: {
    command: `rm -rf .data/e2e .data/e2e.lock ${CLAIMS_DIR} && next build && node server.mjs -p ${port} -H 127.0.0.1`,
    url: `${baseURL}/demo`,
    timeout: 300_000,
    reuseExistingServer: false,
    stdout: "pipe",
    env: {
      PGLITE_DATA_DIR: ".data/e2e",
      DATABASE_URL: "",
      AUTH_SECRET: "e2e-secret-e2e-secret-e2e-secret-e2e-secret",
      APP_URL: baseURL,
      LOCAL_MAILBOX: "true",
      // The family browsers call from the addresses of their X-Forwarded-For (see below), not from this machine:
      // this instance is a test one, so its PayFiP simulator answers them too.
      PAYFIP_SIMULATOR_PUBLIC: "true",
      // Playwright plays one reverse proxy: the X-Forwarded-For each test sends (e2e/fixtures.ts) stands for its
      // client's address, so per-address limits of one test never hold back another. A request without it comes
      // from this machine, which is who may read the local mailbox.
      TRUSTED_PROXY_HOPS: "1",
      // The planning spec runs the digest job through the cron route, as Vercel would.
      CRON_SECRET: "e2e-cron-secret-0123456789",
      RESEND_API_KEY: "",
      NEXT_TELEMETRY_DISABLED: "1",
      // Honoured only by this kind of server: loopback only, embedded database, no mail provider (server/e2e-mode.mjs).
      E2E_CLOCK_START: CLOCK_START,
      E2E_FAMILY_COPIES: String(FAMILY_COPIES),
    },
  },
});

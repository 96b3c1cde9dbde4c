// Before the e2e tests: make sure a Chromium exists. Playwright's own is downloaded when it is missing,
// unless a system Chromium can stand in (machines without access to Playwright's download host).
import { execSync } from "node:child_process";
import { existsSync } from "node:fs";
import { chromium } from "playwright-core";

const system = [process.env.PLAYWRIGHT_CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"].filter(Boolean);
if (!existsSync(chromium.executablePath()) && !system.some((path) => existsSync(path))) {
  console.log("Installing Playwright's Chromium…");
  execSync("npx playwright install chromium", { stdio: "inherit" });
}

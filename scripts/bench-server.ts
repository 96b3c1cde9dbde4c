// The production server as the server-level benches (scripts/bench-*-server.ts, bench-pages.ts) run it: the build
// check, a free port, `node server.mjs` started on a database and stopped, the demo seeded on PostgreSQL, and the
// browser that signs a demo account in through the Connexion page.
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { createServer } from "node:net";
import { join } from "node:path";
import { chromium, type Page } from "playwright-core";
import { openDatabase } from "@/db/client";
import { demo } from "@/db/demo-data";

export const commune = demo.commune.slug;
export const sleep = (milliseconds: number) => new Promise((resolve) => setTimeout(resolve, milliseconds));

/** Refuses to measure without a production build; warns when the sources changed after it. */
export function checkBuild() {
  const buildId = join(process.cwd(), ".next", "BUILD_ID");
  if (!existsSync(buildId)) {
    console.error("No production build (.next/BUILD_ID): run `npm run build` first, then this bench again.");
    process.exit(1);
  }
  const builtAt = statSync(buildId).mtimeMs;
  const newer = (folder: string): string | undefined => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      const found = entry.isDirectory() ? newer(path) : statSync(path).mtimeMs > builtAt ? path : undefined;
      if (found) return found;
    }
    return undefined;
  };
  const changed = ["app", "components", "db", "emails", "lib", "server"]
    .filter((folder) => existsSync(folder))
    .map(newer)
    .find(Boolean);
  if (changed)
    console.warn(`Warning: ${changed} is newer than the build; run \`npm run build\` to measure the current code.`);
}

/** A free TCP port of the loopback interface. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port")),
      );
    });
  });
}

/** The environment of a bench's server on `baseURL`, on the database `databaseEnv` names. */
export function serverEnv(baseURL: string, databaseEnv: Record<string, string>): Record<string, string> {
  return {
    ...databaseEnv,
    NODE_ENV: "production",
    AUTH_SECRET: "bench-secret-bench-secret-bench-secret-bench",
    APP_URL: baseURL,
    LOCAL_MAILBOX: "true",
    RESEND_API_KEY: "",
    TRUSTED_PROXY_HOPS: "0",
    NEXT_TELEMETRY_DISABLED: "1",
    // The real clock, and no copies of the demo's families: the benches need neither (nor may have them on PostgreSQL).
    E2E_CLOCK_START: "",
    E2E_FAMILY_COPIES: "",
  };
}

/** Starts `node server.mjs` on `port` and waits until the demo commune's home page answers. */
export async function startServer(
  port: number,
  env: Record<string, string>,
  nodeArgs: string[] = [],
): Promise<{ server: ChildProcess; took: number }> {
  const start = performance.now();
  const server = spawn(process.execPath, [...nodeArgs, "server.mjs", "-p", String(port), "-H", "127.0.0.1"], {
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  server.stdout?.on("data", (chunk) => (output += chunk));
  server.stderr?.on("data", (chunk) => (output += chunk));
  const deadline = Date.now() + 180_000;
  for (;;) {
    if (server.exitCode !== null) throw new Error(`the server exited (${server.exitCode}):\n${output}`);
    if (Date.now() > deadline) throw new Error(`the server did not answer within 180 s:\n${output}`);
    try {
      const response = await fetch(`http://127.0.0.1:${port}/${commune}`);
      if (response.ok) return { server, took: performance.now() - start };
    } catch {
      // not listening yet
    }
    await sleep(250);
  }
}

export async function stopServer(server: ChildProcess) {
  if (server.exitCode !== null || server.signalCode !== null) return;
  const exited = new Promise((resolve) => server.once("exit", resolve));
  server.kill("SIGTERM");
  const killed = setTimeout(() => server.kill("SIGKILL"), 10_000);
  await exited;
  clearTimeout(killed);
}

/** Migrates the database of `url` and seeds the demo data in it (the server seeds an embedded database only). */
export async function seedPostgres(url: string) {
  const handle = await openDatabase({ url, dataDir: "" });
  try {
    await handle.migrate();
    const { seedDemo } = await import("@/db/seed");
    await seedDemo(handle.db);
  } finally {
    await handle.close();
  }
}

/** Launches Chromium: Playwright's own when downloaded, else the system's (as playwright.config.ts). */
export function launchChromium() {
  const executablePath =
    process.env.PLAYWRIGHT_CHROMIUM_PATH ||
    (existsSync(chromium.executablePath())
      ? undefined
      : ["/usr/bin/chromium", "/usr/bin/chromium-browser"].find(existsSync));
  return chromium.launch(
    executablePath
      ? { executablePath, args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-sync"] }
      : {},
  );
}

/** Signs `account` in through the Connexion page (as e2e/fixtures.ts logIn; no second factor). */
export async function logIn(page: Page, account: { email: string; password: string } = demo.family) {
  await page.goto(`/${commune}/connexion`);
  await page.waitForLoadState("networkidle");
  await page.getByRole("textbox", { name: "E-mail", exact: true }).fill(account.email);
  await page.getByRole("textbox", { name: "Mot de passe", exact: true }).fill(account.password);
  await page.getByRole("button", { name: "Se connecter" }).click();
  await page.waitForURL((url) => !url.pathname.includes("/connexion"));
}

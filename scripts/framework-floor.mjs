// The framework's floor, shared by bench:front (Lighthouse) and bench:pages (throughput): a bare Next.js page (a
// heading and a paragraph, rendered per request as ours are, no client component, the portal's stylesheet) built in a
// temporary folder with this repo's next and react, then served by `next start`. What no page of ours can beat.
import { execFileSync, spawn } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

const NEXT_BIN = resolve("node_modules/next/dist/bin/next");

const files = {
  "app/layout.jsx": `import "./globals.css";
export default function RootLayout({ children }) {
  return <html lang="fr"><body>{children}</body></html>;
}
`,
  "app/page.jsx": `export const dynamic = "force-dynamic";
export default function Page() {
  return <main><h1>Portail Famille</h1><p>Une page Next.js sans composant client : le plancher du framework.</p></main>;
}
`,
  // Turbopack compiles only what lies under its root: "/" lets it follow the node_modules link into this repo.
  "next.config.mjs": `export default { turbopack: { root: "/" } };\n`,
};

/**
 * Builds the bare app (about 10 s) and starts it on 127.0.0.1:`port`, in a folder outside the repo (inside it, Next
 * would take the repo's proxy.ts and instrumentation.ts for its own). `pid` is the serving process's.
 */
export function startFrameworkFloor(port) {
  const dir = mkdtempSync(join(tmpdir(), "framework-floor-"));
  mkdirSync(join(dir, "app"));
  symlinkSync(resolve("node_modules"), join(dir, "node_modules"));
  copyFileSync("app/globals.css", join(dir, "app/globals.css"));
  for (const [file, text] of Object.entries(files)) writeFileSync(join(dir, file), text);
  try {
    execFileSync(process.execPath, [NEXT_BIN, "build"], { cwd: dir, stdio: "ignore" });
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  const child = spawn(process.execPath, [NEXT_BIN, "start", "-p", String(port), "-H", "127.0.0.1"], {
    cwd: dir,
    env: { ...process.env, NODE_ENV: "production" },
    stdio: ["ignore", "ignore", "inherit"],
  });
  return {
    url: `http://127.0.0.1:${port}`,
    pid: child.pid,
    stop() {
      child.kill();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

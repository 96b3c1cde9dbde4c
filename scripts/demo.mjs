// npm run demo: builds the portal and prepares its database (migrations, demo data) at the same time, then starts
// it. Seeding while building means the first page answers at once instead of waiting for the seed.
import { spawn } from "node:child_process";

/** Runs a command with the terminal's output; resolves with its exit code. */
function run(command, args) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: "inherit", shell: process.platform === "win32" });
    child.on("exit", (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

const npm = process.platform === "win32" ? "npm.cmd" : "npm";
if ((await run(process.execPath, ["scripts/setup-env.mjs"])) !== 0) process.exit(1);
const [build, setup] = await Promise.all([run(npm, ["run", "build"]), run(npm, ["run", "db:setup"])]);
if (build !== 0 || setup !== 0) {
  console.error(`> The demo cannot start: ${build !== 0 ? "the build" : "the database set-up"} failed (see above).`);
  process.exit(1);
}
process.exit(await run(process.execPath, ["server.mjs", "-p", "3000"]));

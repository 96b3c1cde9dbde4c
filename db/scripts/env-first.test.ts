import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

/*
 * A command under db/scripts reads .env.local (AUTH_SECRET…) only if loading it comes before any module that reads
 * lib/env as it loads: ES modules run in the order of their imports, so it must be the file's first import.
 */
const folder = join(process.cwd(), "db", "scripts");
const commands = readdirSync(folder).filter(
  (name) => name.endsWith(".ts") && !name.includes(".test.") && name !== "open.ts",
);

describe("db/scripts commands", () => {
  it.each(commands)("%s loads the env files before anything else", (name) => {
    const firstImport = readFileSync(join(folder, name), "utf8").match(/^import\s[^;]*;/m)?.[0];
    expect(firstImport).toBe('import "../../scripts/load-next-env";');
  });

  it("finds the commands", () => {
    expect(commands).toEqual(expect.arrayContaining(["migrate.ts", "seed.ts", "add-commune.ts"]));
  });
});

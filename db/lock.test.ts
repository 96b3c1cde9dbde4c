import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { acquireDataDirLock } from "./lock";

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

function freshDataDir() {
  return join(mkdtempSync(join(tmpdir(), "portail-lock-")), "pglite");
}

describe("embedded database folder lock", () => {
  it("writes the owner's pid and removes the lock on release", () => {
    const dir = freshDataDir();
    const release = acquireDataDirLock(dir);
    expect(readFileSync(`${dir}.lock`, "utf8")).toBe(String(process.pid));
    release();
    expect(existsSync(`${dir}.lock`)).toBe(false);
  });

  it("refuses a second opener while the owner lives, naming it", () => {
    const dir = freshDataDir();
    const other = spawn("sleep", ["30"]);
    cleanups.push(() => other.kill());
    writeFileSync(`${dir}.lock`, String(other.pid));
    expect(() => acquireDataDirLock(dir)).toThrow(new RegExp(`already open in process ${other.pid}`));
  });

  it("refuses a second opener in the same process too", () => {
    const dir = freshDataDir();
    cleanups.push(acquireDataDirLock(dir));
    expect(() => acquireDataDirLock(dir)).toThrow(/\(this one\)/);
  });

  it("takes over the lock of a process that died", () => {
    const dir = freshDataDir();
    const dead = spawnSync("true").pid;
    writeFileSync(`${dir}.lock`, String(dead));
    const release = acquireDataDirLock(dir);
    cleanups.push(release);
    expect(readFileSync(`${dir}.lock`, "utf8")).toBe(String(process.pid));
  });
});

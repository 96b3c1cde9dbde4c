import { closeSync, mkdirSync, openSync, readFileSync, unlinkSync, writeSync } from "node:fs";
import { dirname } from "node:path";

/**
 * PGlite does not lock its data folder and a second opener silently loses writes,
 * so the folder gets a pid file created exclusively (`wx`); a second live process is refused.
 */
export function acquireDataDirLock(dataDir: string): () => void {
  const lockPath = `${dataDir.replace(/\/+$/, "")}.lock`;
  mkdirSync(dirname(lockPath), { recursive: true });
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(lockPath, "wx");
      writeSync(fd, String(process.pid));
      closeSync(fd);
      const release = () => {
        try {
          if (readFileSync(lockPath, "utf8") === String(process.pid)) unlinkSync(lockPath);
        } catch {
          // already gone
        }
      };
      process.once("exit", release);
      return release;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const owner = Number(readFileSync(lockPath, "utf8"));
      // Our own pid counts too: a second PGlite on the folder in this process would lose writes just the same.
      if (owner && isAlive(owner)) {
        throw new Error(
          `The embedded database ${dataDir} is already open in process ${owner}${owner === process.pid ? " (this one)" : ""}. ` +
            `Stop that process (the running portal, a script or a test) first, or set DATABASE_URL to use PostgreSQL.`,
        );
      }
      unlinkSync(lockPath); // stale: its process died without cleaning up
    }
  }
  throw new Error(`Could not lock the embedded database ${dataDir}.`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

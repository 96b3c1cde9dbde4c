import { E2E_MODE, type E2eMode } from "@/server/e2e-mode.mjs";

/** What server.mjs granted this process for an end-to-end run (server/e2e-mode.mjs); null anywhere else. */
export function e2eMode(): E2eMode | null {
  return (globalThis as { [E2E_MODE]?: E2eMode })[E2E_MODE] ?? null;
}

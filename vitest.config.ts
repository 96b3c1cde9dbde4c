import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const root = fileURLToPath(new URL(".", import.meta.url));
const shared = {
  resolve: { alias: { "@": root, "server-only": `${root}lib/testing/empty.ts` } },
};
const testEnv = {
  AUTH_SECRET: "test-secret-that-is-long-enough-for-auth-js-0123456789",
  APP_URL: "http://localhost:3000",
  SEED_DEMO: "false",
};

export default defineConfig({
  test: {
    projects: [
      {
        ...shared,
        test: {
          name: "unit",
          include: ["**/*.test.ts", "**/*.test.tsx"],
          exclude: ["**/*.int.test.ts", "node_modules/**", "e2e/**"],
          env: testEnv,
        },
      },
      {
        ...shared,
        test: {
          name: "integration",
          include: ["**/*.int.test.ts"],
          exclude: ["node_modules/**", "e2e/**"],
          globalSetup: ["lib/testing/database-template.ts"],
          setupFiles: ["lib/testing/setup-integration.ts"],
          // next-auth imports "next/server" without an extension, which only a bundler resolves.
          server: { deps: { inline: ["next-auth"] } },
          env: testEnv,
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});

// The portal's Node entry (`npm start`, `npm run demo`, `npm run dev`, the e2e server): Next.js behind a thin layer
// that stamps each request with the client's address as the connection shows it (server/client-address.mjs).
// Needed because app code never sees the connection: under `next start` a client's own X-Forwarded-For hides it.
// Usage: node server.mjs [--dev] [-p 3000] [-H 127.0.0.1]. Not used on Vercel (lib/request.ts reads Vercel's header).
import { randomBytes } from "node:crypto";
import { createServer } from "node:http";
import { parseArgs } from "node:util";
import nextEnv from "@next/env"; // CommonJS: its named exports are not visible to ESM
import { defaultAppUrl } from "./server/app-url.mjs";
import { parseTrustedProxyHops, stampClientAddress } from "./server/client-address.mjs";
import { E2E_MODE, readE2eMode } from "./server/e2e-mode.mjs";

const { values: args } = parseArgs({
  options: {
    dev: { type: "boolean", default: false },
    port: { type: "string", short: "p", default: "3000" },
    hostname: { type: "string", short: "H" },
  },
});
process.env.NODE_ENV ??= args.dev ? "development" : "production";
// Only this process knows the stamp (lib/env.ts reads it): a header carrying another one, or sent to a plain
// `next start`, is ignored by lib/request.ts.
const stamp = randomBytes(16).toString("hex");
process.env.PORTAIL_CLIENT_ADDRESS_STAMP = stamp;
// Before any app code runs, with the .env files loaded as Next will load them (they may name a real database).
nextEnv.loadEnvConfig(process.cwd(), args.dev);
let e2eMode;
try {
  e2eMode = readE2eMode(process.env, args.hostname);
} catch (error) {
  console.error(`> ${error.message}`);
  process.exit(1);
}
if (e2eMode) globalThis[E2E_MODE] = e2eMode;

const port = Number(args.port);
// Mailed links point where this server really listens unless APP_URL says otherwise (a proxy's public address);
// never derived from a request's Host header, which a client chooses (a poisoned password-reset link).
process.env.APP_URL ||= defaultAppUrl(args.hostname, port);

const { default: next } = await import("next");
const server = createServer();
const app = next({ dev: args.dev, hostname: args.hostname ?? "localhost", port, httpServer: server });
await app.prepare();
const hops = parseTrustedProxyHops(process.env.TRUSTED_PROXY_HOPS);
const handle = app.getRequestHandler();

server.on("request", (request, response) => {
  stampClientAddress(request, { hops, stamp });
  handle(request, response);
});
server.listen(port, args.hostname, () => {
  const source = hops
    ? `X-Forwarded-For as seen by ${hops} trusted proxy hop(s)`
    : "the connection (TRUSTED_PROXY_HOPS=0)";
  console.log(
    `> Portail Famille ready on http://${args.hostname ?? "localhost"}:${port}; client addresses from ${source}`,
  );
  if (e2eMode)
    console.log(
      `> End-to-end run: the clock reads ${new Date(Date.now() + e2eMode.clockOffsetMs).toISOString()}; ${e2eMode.familyCopies} copies of the demo's families`,
    );
});

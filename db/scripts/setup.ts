// npm run db:setup — what the portal does to its database on start, done ahead: the migrations, then the demo
// seeded into an empty database unless SEED_DEMO=false. `npm run demo` runs it while the app builds.
import "../../scripts/load-next-env"; // first: the env files, before any module reads lib/env
import { prepareDatabase } from "@/db/prepare";
import { env } from "@/lib/env";
import { runScript } from "./open";

await runScript(
  async (handle) => {
    console.log(`Database ready (${handle.kind}${env.SEED_DEMO ? ", demo seeded if it was empty" : ""}).`);
  },
  (handle) => prepareDatabase(handle, { seedDemo: env.SEED_DEMO }),
);

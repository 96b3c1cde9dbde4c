// npm run db:migrate — applies the committed migrations (opening the database migrates it).
import "../../scripts/load-next-env"; // first: the env files, before any module reads lib/env
import { runScript } from "./open";

await runScript(async (handle) => {
  console.log(`Migrations applied (${handle.kind}).`);
});

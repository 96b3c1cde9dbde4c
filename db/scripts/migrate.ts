// npm run db:migrate — applies the committed migrations (opening the database migrates it).
import { runScript } from "./open";

await runScript(async (handle) => {
  console.log(`Migrations applied (${handle.kind}).`);
});

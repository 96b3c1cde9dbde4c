// npm run db:seed — inserts the demo communes, accounts and households; running it again changes nothing.
import "../../scripts/load-next-env"; // first: the env files, before any module reads lib/env
import { seedDemo } from "@/db/seed";
import { runScript } from "./open";

await runScript(async (handle) => {
  await seedDemo(handle.db);
  console.log(`Demo data present (${handle.kind}).`);
});

// npm run commune:add -- --slug villeneuve --name "Villeneuve" --signature "Le service enfance" --email enfance@villeneuve.fr
//   [--phone "01 02 03 04 05"] [--address "…"] [--admin-email admin@villeneuve.fr --admin-password "…" [--admin-civility M|MME --admin-first-name … --admin-last-name …]]
import "../../scripts/load-next-env"; // first: the env files, before any module reads lib/env
import { parseArgs } from "node:util";
import { createCommune } from "@/lib/communes/create-commune";
import { runScript } from "./open";

const text = { type: "string" } as const;
const { values } = parseArgs({
  options: {
    slug: text,
    name: text,
    signature: text,
    email: text,
    phone: text,
    address: text,
    "admin-email": text,
    "admin-password": text,
    "admin-civility": text,
    "admin-first-name": text,
    "admin-last-name": text,
  },
  strict: true,
});

const adminEmail = values["admin-email"];
const adminPassword = values["admin-password"];

if (Boolean(adminEmail) !== Boolean(adminPassword)) {
  console.error("--admin-email and --admin-password go together.");
  process.exit(1);
}

await runScript(async ({ db }) => {
  const result = await createCommune(db, {
    slug: values.slug ?? "",
    name: values.name ?? "",
    signature: values.signature ?? "",
    email: values.email ?? "",
    phone: values.phone,
    address: values.address,
    admin:
      adminEmail && adminPassword
        ? {
            email: adminEmail,
            password: adminPassword,
            civility: values["admin-civility"] as "M" | "MME" | undefined,
            firstName: values["admin-first-name"],
            lastName: values["admin-last-name"],
          }
        : undefined,
  });
  if (!result.ok) throw new Error(result.error);
  console.log(`Commune "${result.commune.name}" created: /${result.commune.slug}`);
  if (result.adminEmail) console.log(`Admin account ${result.adminEmail} created and active.`);
});

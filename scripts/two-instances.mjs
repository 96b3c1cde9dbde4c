// npm run check:two-instances — the production build started twice on one empty PostgreSQL database, as a town
// running two instances behind a reverse proxy would: both come up, the demo is seeded once, the health endpoint
// answers on both, and one 18:00 digest run (the cron route, called on both at once) mails each family once.
// Needs DATABASE_SERVER_URL (default postgres://postgres@127.0.0.1:5432/postgres) and a build (`next build`).
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import postgres from "postgres";

const serverUrl = process.env.DATABASE_SERVER_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const ports = [3311, 3312];
const cronSecret = randomBytes(24).toString("hex");
const database = `portail_two_${randomBytes(4).toString("hex")}`;
const databaseUrl = Object.assign(new URL(serverUrl), { pathname: `/${database}` }).toString();
// An evening of the demo's term: its decisions are moved into this day's 13:00–18:00 window, then its 18:00
// digest is run through the cron route (`?now=`, honoured where mails stay in the local outbox).
const windowDay = "2027-01-11";
const decidedAt = `${windowDay}T15:00:00+01:00`;
const windowEnd = `${windowDay}T18:00:00+01:00`;
const digestAt = `${windowDay}T18:05:00+01:00`;

const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
const servers = [];
const failures = [];
const check = (ok, message) => {
  console.log(`${ok ? "ok  " : "FAIL"} ${message}`);
  if (!ok) failures.push(message);
};

function start(port) {
  const child = spawn(process.execPath, ["server.mjs", "-p", String(port), "-H", "127.0.0.1"], {
    env: {
      ...process.env,
      NODE_ENV: "production",
      DATABASE_URL: databaseUrl,
      AUTH_SECRET: randomBytes(32).toString("hex"),
      APP_URL: `http://127.0.0.1:${port}`,
      CRON_SECRET: cronSecret,
      LOCAL_MAILBOX: "true",
      RESEND_API_KEY: "",
      SEED_DEMO: "true",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let log = "";
  child.stdout.on("data", (chunk) => (log += chunk));
  child.stderr.on("data", (chunk) => (log += chunk));
  servers.push({ port, child, log: () => log });
}

/** Polls the health endpoint until it answers 200 or `timeoutMs` passes; returns the last status. */
async function waitHealthy(port, timeoutMs) {
  const until = Date.now() + timeoutMs;
  let status = 0;
  while (Date.now() < until) {
    status = await fetch(`http://127.0.0.1:${port}/api/health`).then(
      (response) => response.status,
      () => 0,
    );
    if (status === 200) return status;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  return status;
}

try {
  if (!existsSync(".next/BUILD_ID")) throw new Error("No production build: run `npx next build` first.");
  await admin.unsafe(`create database ${database}`);
  const started = Date.now();
  for (const port of ports) start(port);
  // Started together: both migrate and seed the empty database as they start, one after the other.
  const statuses = await Promise.all(ports.map((port) => waitHealthy(port, 180_000)));
  for (const [i, port] of ports.entries())
    check(statuses[i] === 200, `instance on :${port} up, /api/health answers ${statuses[i]}`);
  console.log(`     both healthy after ${((Date.now() - started) / 1000).toFixed(1)} s`);
  const health = await (await fetch(`http://127.0.0.1:${ports[0]}/api/health`)).json();
  check(JSON.stringify(health) === '{"status":"ok"}', `/api/health says only ${JSON.stringify(health)}`);

  const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  try {
    const [{ towns, families, demoAccounts }] = await sql`
      select (select count(*)::int from communes) as towns,
             (select count(*)::int from households) as families,
             (select count(*)::int from users where email = 'famille@demo.fr') as "demoAccounts"`;
    check(
      towns === 2 && demoAccounts === 1,
      `demo seeded once: ${towns} communes, ${families} households, 1 demo family account`,
    );

    const moved = await sql`update booking_events set created_at = ${decidedAt} where side <> 'family'`;
    const decidedFamilies = await sql`
      select distinct household_id from booking_events where side <> 'family'`;
    // Who the digest goes to: each active account subscribed to a family with decisions (lib/bookings/digest.ts).
    const [{ recipients }] = await sql`
      select count(*)::int as recipients from (
        select distinct s.household_id, u.email from subscriptions s
        join users u on u.id = s.user_id and u.commune_id = s.commune_id
        where u.status = 'active' and s.household_id in (select household_id from booking_events where side <> 'family')
      ) as pairs`;
    const runs = await Promise.all(
      ports.map((port) =>
        fetch(`http://127.0.0.1:${port}/api/cron/maintenance?now=${encodeURIComponent(digestAt)}`, {
          headers: { authorization: `Bearer ${cronSecret}` },
        }).then((response) => response.status),
      ),
    );
    check(
      runs.every((status) => status === 200),
      `18:00 digest run on both instances at once: ${runs.join(", ")}`,
    );
    const digests = await sql`
      select "to", count(*)::int as n from mail_outbox where template = 'booking-decisions-digest' group by "to"`;
    const twice = digests.filter((row) => row.n > 1);
    check(
      digests.length === recipients && recipients > 0 && twice.length === 0,
      `${moved.count} decisions of ${decidedFamilies.length} families (${recipients} accounts): ${digests.length} digest mails, ${twice.length} sent twice`,
    );
    const [{ deliveries }] = await sql`
      select count(*)::int as deliveries from digest_deliveries where window_end = ${windowEnd}`;
    check(deliveries === decidedFamilies.length, `one digest per family: ${deliveries} of ${decidedFamilies.length}`);
  } finally {
    await sql.end();
  }
} catch (error) {
  failures.push(error instanceof Error ? error.message : String(error));
  console.error(error);
} finally {
  for (const server of servers) server.child.kill("SIGTERM");
  await new Promise((resolve) => setTimeout(resolve, 1000));
  await admin.unsafe(`drop database if exists ${database} with (force)`).catch(() => {});
  await admin.end();
  if (failures.length > 0) {
    for (const server of servers) console.log(`--- instance :${server.port} log\n${server.log().slice(-4000)}`);
    console.log(`FAILED: ${failures.length} check(s)`);
    process.exitCode = 1;
  }
}

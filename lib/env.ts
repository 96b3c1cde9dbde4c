import "server-only";
import { z } from "zod";
import { parseTrustedProxyHops } from "@/server/client-address.mjs";

// Every environment variable the server reads is declared and validated here, once.
const boolFlag = z
  .enum(["true", "false", "1", "0"])
  .optional()
  .transform((v) => v === "true" || v === "1");

const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  /** Unset: embedded PGlite in PGLITE_DATA_DIR. Set: a real PostgreSQL through postgres.js. */
  DATABASE_URL: z.string().url().optional(),
  /**
   * PostgreSQL connections per instance (postgres.js pool). About twice the database server's cores in all, over
   * every instance: more connections only make PostgreSQL's backends and the days' locks queue on the same cores
   * (npm run bench:rush on 2 cores: 2,500 families in 48–52 s with 5, 55–64 s with 10, 53 s with 20).
   */
  DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(100).default(5),
  PGLITE_DATA_DIR: z.string().default(".data/pglite"),
  AUTH_SECRET: z.string().min(32, "AUTH_SECRET doit faire au moins 32 caractères"),
  /**
   * Public base URL used in e-mailed links. Unset, server.mjs sets it to where it listens (its -p port); the
   * default only serves a process started without it (scripts, tests).
   */
  APP_URL: z.string().url().default("http://localhost:3000"),
  RESEND_API_KEY: z.string().min(1).optional(),
  MAIL_FROM: z.string().default("Portail Famille <nepasrepondre@portail-famille.local>"),
  /**
   * Shows the local outbox page in a production build (demo, e2e); never when Resend is configured, never on
   * Vercel, and only ever to a client on this machine (see lib/mail/local-mailbox-access.ts).
   */
  LOCAL_MAILBOX: boolFlag,
  /**
   * How many reverse proxies of ours stand in front of `node server.mjs`, each appending to X-Forwarded-For
   * (0: none, the connection's address is the client's). server.mjs reads it at start-up; validated here too.
   */
  TRUSTED_PROXY_HOPS: z
    .string()
    .optional()
    .transform((value, ctx) => {
      try {
        return parseTrustedProxyHops(value);
      } catch (error) {
        ctx.addIssue({ code: "custom", message: (error as Error).message });
        return z.NEVER;
      }
    }),
  /** Set by server.mjs for its own process (a random value); a request stamped with another is not trusted. */
  PORTAIL_CLIENT_ADDRESS_STAMP: z.string().min(16).optional(),
  /** Set by Vercel on its platform: the client address then comes from Vercel's own header. */
  VERCEL: z.string().optional().transform(Boolean),
  /** Bearer secret of the cron route used on Vercel. */
  CRON_SECRET: z.string().min(16).optional(),
  /**
   * Opens the PayFiP simulator (/simulateur-payfip) to every client in a production build: for a town that
   * explicitly runs a test instance. Otherwise only a client on this machine reaches it (the portal itself, a demo).
   */
  PAYFIP_SIMULATOR_PUBLIC: boolFlag,
  /** Seeds demo data on an empty embedded database (default: yes). */
  SEED_DEMO: z
    .enum(["true", "false", "1", "0"])
    .default("true")
    .transform((v) => v === "true" || v === "1"),
});

export type Env = z.infer<typeof envSchema>;

function loadEnv(): Env {
  // An empty variable (`RESEND_API_KEY=`) means unset, as in most deployment dashboards.
  const defined = Object.fromEntries(Object.entries(process.env).filter(([, value]) => value !== ""));
  const parsed = envSchema.safeParse(defined);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid environment:\n${lines.join("\n")}`);
  }
  return parsed.data;
}

export const env = loadEnv();

/** The local mailbox page exists only where nothing is really sent and never in a real deployment. */
export const localMailboxEnabled =
  !env.RESEND_API_KEY && !env.VERCEL && (env.NODE_ENV !== "production" || env.LOCAL_MAILBOX);

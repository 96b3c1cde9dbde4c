import "server-only";
import { z } from "zod";

// Every environment variable the server reads is declared and validated here, once.
const boolFlag = z
  .enum(["true", "false", "1", "0"])
  .optional()
  .transform((v) => v === "true" || v === "1");

const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  /** Unset: embedded PGlite in PGLITE_DATA_DIR. Set: a real PostgreSQL through postgres.js. */
  DATABASE_URL: z.string().url().optional(),
  PGLITE_DATA_DIR: z.string().default(".data/pglite"),
  AUTH_SECRET: z.string().min(32, "AUTH_SECRET doit faire au moins 32 caractères"),
  /** Public base URL used in e-mailed links. */
  APP_URL: z.string().url().default("http://localhost:3000"),
  RESEND_API_KEY: z.string().min(1).optional(),
  MAIL_FROM: z.string().default("Portail Famille <nepasrepondre@portail-famille.local>"),
  /** Shows the local outbox page in a production build (demo, e2e); never when Resend is configured. */
  LOCAL_MAILBOX: boolFlag,
  /** Bearer secret of the cron route used on Vercel. */
  CRON_SECRET: z.string().min(16).optional(),
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
  !env.RESEND_API_KEY && (env.NODE_ENV !== "production" || env.LOCAL_MAILBOX);

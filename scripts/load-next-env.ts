import nextEnv from "@next/env"; // CommonJS: under tsx its named exports are not visible to ESM

// Imported first by scripts whose modules read lib/env as they load: .env.local (AUTH_SECRET…) as Next reads it.
nextEnv.loadEnvConfig(process.cwd());

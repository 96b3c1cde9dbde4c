import type { NextConfig } from "next";
import { staticSecurityHeaders } from "./lib/security/headers";

const nextConfig: NextConfig = {
  // PGlite loads its WebAssembly from files next to it: bundling it breaks `next start`.
  serverExternalPackages: ["@electric-sql/pglite", "@node-rs/argon2"],
  // The migrations are read from disk at start-up, also in a traced (Vercel) deployment.
  outputFileTracingIncludes: { "/**": ["./db/migrations/**/*"] },
  allowedDevOrigins: ["127.0.0.1", "localhost"],
  poweredByHeader: false,
  experimental: {
    authInterrupts: true,
    // A child's photo (5 MB at most, lib/family-file/photo-image.ts) is posted to a server action: room for it
    // and the multipart overhead. sharp needs no serverExternalPackages entry: Next keeps it external by default.
    serverActions: { bodySizeLimit: "6mb" },
  },
  async headers() {
    return [{ source: "/:path*", headers: staticSecurityHeaders }];
  },
};

export default nextConfig;

import type { NextConfig } from "next";
import { routePatterns } from "./lib/routes/paths";
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
    // A document (Pièces justificatives: 10 MB at most in all, DOCUMENT_MAX_BYTES, one or several files) is
    // posted to a server action: room for it, the form's other fields and the multipart overhead; a child's photo
    // (5 MB) fits too. Past this limit Next refuses the request before the action can say why in French.
    // sharp needs no serverExternalPackages entry: Next keeps it external by default.
    serverActions: { bodySizeLimit: "11mb" },
  },
  async headers() {
    return [
      { source: "/:path*", headers: staticSecurityHeaders },
      // A document shown inline in the agents' review page is framed by that page (same origin): the later entry
      // overrides DENY for this route and query only (its own CSP says frame-ancestors 'self' too).
      {
        source: routePatterns.agentDocumentFile.replace(/\[([^\]]+)\]/g, ":$1"),
        has: [{ type: "query", key: "affichage", value: "1" }],
        headers: [{ key: "X-Frame-Options", value: "SAMEORIGIN" }],
      },
    ];
  },
};

export default nextConfig;

/** Sent with every response (next.config.ts headers(), which every response passes, assets and API included). */
export const staticSecurityHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=()" },
];

/**
 * Sent by the proxy on requests that came over HTTPS only: over plain HTTP (a local demo, tests) it would be
 * meaningless (browsers ignore it there) and pins nothing.
 */
export const STRICT_TRANSPORT_SECURITY = "max-age=63072000; includeSubDomains; preload";

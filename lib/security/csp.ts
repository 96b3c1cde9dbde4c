/** PayFiP, the treasury's card payment service (its simulator is this portal itself: 'self'). */
export const PAYFIP_ORIGIN = "https://www.payfip.gouv.fr";

/** The page CSP: scripts only with this request's nonce (Next applies it to its own), nothing framed or embedded. */
export function contentSecurityPolicy(nonce: string, options: { dev: boolean; https: boolean }): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${options.dev ? " 'unsafe-eval'" : ""}`,
    // Inline style attributes are used by React components (positioning of popovers); scripts are what matters.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' blob: data:",
    "font-src 'self'",
    "connect-src 'self'",
    // The captcha solves its proof of work in workers created from blobs.
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'self'",
    // "Payer en ligne" posts a form whose answer redirects to PayFiP's card page (a form's redirects count too).
    `form-action 'self' ${PAYFIP_ORIGIN}`,
    "frame-ancestors 'none'",
    ...(options.https ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
}

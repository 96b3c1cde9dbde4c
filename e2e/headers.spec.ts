import type { APIResponse } from "@playwright/test";
import { expect, test } from "./fixtures";

/*
 * Security headers: the CSP comes from the proxy, which every page request passes (prefetches and communes whose
 * slug starts like an excluded path included); the static headers from next.config, which every response passes;
 * HSTS only when the request came over HTTPS (as the front proxy says with X-Forwarded-Proto).
 */

const noRedirect = { maxRedirects: 0 };

function expectStaticHeaders(response: APIResponse, what: string) {
  const headers = response.headers();
  expect(headers["x-content-type-options"], what).toBe("nosniff");
  expect(headers["x-frame-options"], what).toBe("DENY");
  expect(headers["referrer-policy"], what).toBe("strict-origin-when-cross-origin");
  expect(headers["permissions-policy"], what).toContain("camera=()");
}

function expectCsp(response: APIResponse, what: string) {
  expect(response.headers()["content-security-policy"], what).toMatch(
    /script-src 'self' 'nonce-[^']+' 'strict-dynamic'/,
  );
}

test("a prefetch of a page gets the CSP, and of a personal page the login gate", async ({ request }) => {
  const prefetches: Record<string, string>[] = [
    { "Next-Router-Prefetch": "1" },
    { Purpose: "prefetch" },
    { "Sec-Purpose": "prefetch" },
  ];
  for (const prefetch of prefetches) {
    const what = JSON.stringify(prefetch);
    expectCsp(await request.get("/demo", { headers: prefetch }), what);
    const personal = await request.get("/demo/espace-famille", { headers: prefetch, ...noRedirect });
    expect(personal.status(), what).toBe(307);
    expect(personal.headers().location, what).toContain("/demo/connexion");
    expectCsp(personal, what);
  }
});

test("communes whose slug starts like an excluded path go through the proxy", async ({ request }) => {
  const gated = await request.get("/apinac/espace-famille", noRedirect);
  expect(gated.status()).toBe(307);
  expect(gated.headers().location).toContain("/apinac/connexion");
  expectCsp(gated, "/apinac/espace-famille");
  for (const path of ["/apinac", "/iconville", "/faviconville", "/_nextville"])
    expectCsp(await request.get(path), path);
});

test("every response carries the static security headers", async ({ request }) => {
  const home = await request.get("/demo");
  const asset = /\/_next\/static\/[^"']+\.js/.exec(await home.text())![0];
  const responses: [string, APIResponse][] = [
    ["page", home],
    ["404 page", await request.get("/commune-inconnue/nulle/part")],
    ["API route", await request.get("/api/captcha")],
    ["unknown API route", await request.get("/api/rien")],
    ["static asset", await request.get(asset)],
    ["icon", await request.get("/icon.svg")],
    ["proxy redirect", await request.get("/demo/agent", noRedirect)],
    ["prefetch", await request.get("/demo", { headers: { "Next-Router-Prefetch": "1", RSC: "1" } })],
  ];
  for (const [what, response] of responses) expectStaticHeaders(response, what);
});

test("Strict-Transport-Security is sent over HTTPS only", async ({ request }) => {
  const plain = await request.get("/demo");
  expect(plain.headers()["strict-transport-security"]).toBeUndefined();
  expect(plain.headers()["content-security-policy"]).not.toContain("upgrade-insecure-requests");

  const overHttps = await request.get("/demo", { headers: { "X-Forwarded-Proto": "https" } });
  expect(overHttps.headers()["strict-transport-security"]).toBe("max-age=63072000; includeSubDomains; preload");
  expect(overHttps.headers()["content-security-policy"]).toContain("upgrade-insecure-requests");
});

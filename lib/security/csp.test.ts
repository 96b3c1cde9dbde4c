import { describe, expect, it } from "vitest";
import { contentSecurityPolicy } from "./csp";

const directives = (csp: string) => new Map(csp.split("; ").map((d) => [d.split(" ")[0], d.split(" ").slice(1)]));

describe("contentSecurityPolicy", () => {
  it("lets forms go to this portal and to PayFiP's card page only", () => {
    const csp = directives(contentSecurityPolicy("bm9uY2U=", { dev: false, https: true }));
    expect(csp.get("form-action")).toEqual(["'self'", "https://www.payfip.gouv.fr"]);
  });

  it("runs only this request's scripts, evaluates code only in development", () => {
    const production = directives(contentSecurityPolicy("bm9uY2U=", { dev: false, https: false }));
    expect(production.get("script-src")).toEqual(["'self'", "'nonce-bm9uY2U='", "'strict-dynamic'"]);
    expect(production.has("upgrade-insecure-requests")).toBe(false);
    const development = directives(contentSecurityPolicy("bm9uY2U=", { dev: true, https: true }));
    expect(development.get("script-src")).toContain("'unsafe-eval'");
    expect(development.has("upgrade-insecure-requests")).toBe(true);
  });
});

import { randomUUID } from "node:crypto";
import { expect, test } from "./fixtures";

/*
 * The documents' file routes (Pièces justificatives): 404 for anyone not allowed, the same for an unknown id; the
 * agents' inline viewer may be framed by the portal's own pages only, every other response keeps DENY.
 */

const agentFile = (id: string, inline: boolean) =>
  `/demo/agent/pieces-justificatives/${id}/fichier${inline ? "?affichage=1" : ""}`;
const familyFile = (id: string) => `/demo/espace-famille/pieces-justificatives/${id}/fichier`;

test.describe("as an agent", () => {
  test.use({ signedInAs: "agent" });

  test("an unknown document is a 404; only the inline view may be framed, by the same origin", async ({ page }) => {
    const inline = await page.request.get(agentFile(randomUUID(), true));
    expect(inline.status()).toBe(404);
    expect(inline.headers()["x-frame-options"]).toBe("SAMEORIGIN");
    expect(inline.headers()["content-security-policy"]).toBeUndefined();
    expect(inline.headers()["cache-control"]).toBe("private, no-store");
    const download = await page.request.get(agentFile(randomUUID(), false));
    expect(download.status()).toBe(404);
    expect(download.headers()["x-frame-options"]).toBe("DENY");
    // Not an id at all, and the family's route: 404 too.
    expect((await page.request.get(agentFile("pas-un-id", true))).status()).toBe(404);
    expect((await page.request.get(familyFile(randomUUID()))).status()).toBe(404);
    // The pages around keep the page CSP and DENY.
    const queue = await page.request.get("/demo/agent");
    expect(queue.headers()["x-frame-options"]).toBe("DENY");
    expect(queue.headers()["content-security-policy"]).toContain("frame-ancestors 'none'");
  });
});

test.describe("as a family", () => {
  test.use({ signedInAs: "family" });

  test("the agents' route and an unknown document are 404s", async ({ page }) => {
    expect((await page.request.get(agentFile(randomUUID(), true))).status()).toBe(404);
    expect((await page.request.get(familyFile(randomUUID()))).status()).toBe(404);
  });
});

test("a visitor is sent to Connexion", async ({ request }) => {
  const response = await request.get(familyFile(randomUUID()), { maxRedirects: 0 });
  expect(response.status()).toBe(307);
  expect(response.headers().location).toContain("/demo/connexion");
});

import { expect, test } from "./fixtures";

// The e2e server trusts one proxy hop (playwright.config.ts): each test's X-Forwarded-For plays the address a
// reverse proxy would have seen. The mailbox holds every activation and reset link: only this machine may read it.
test("the local mailbox answers only the machine itself, whatever headers a client sends", async ({
  page,
  playwright,
  baseURL,
}) => {
  const remote = await page.goto("/boite-mail-locale");
  expect(remote?.status()).toBe(404);

  const local = await playwright.request.newContext({ baseURL });
  expect((await local.get("/boite-mail-locale")).status()).toBe(200);
  // A remote client cannot pass for the machine by writing the headers the server reads.
  const forged = await local.get("/boite-mail-locale", {
    headers: {
      "x-forwarded-for": "198.18.250.1",
      "x-portail-client-address": "stamp 127.0.0.1",
      "x-real-ip": "127.0.0.1",
    },
  });
  expect(forged.status()).toBe(404);
  await local.dispose();
});

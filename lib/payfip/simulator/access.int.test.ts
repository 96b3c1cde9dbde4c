import { afterEach, describe, expect, it, vi } from "vitest";
import { harness } from "@/lib/testing/harness";

// The client address is the one server.mjs would have stamped (harness.ip); the flag is the deployment's choice.
const flags = vi.hoisted(() => ({ public: false }));
vi.mock("@/lib/env", async (importOriginal) => {
  const actual = await importOriginal<typeof import("@/lib/env")>();
  return {
    ...actual,
    env: new Proxy(actual.env, {
      get: (target, name) => (name === "PAYFIP_SIMULATOR_PUBLIC" ? flags.public : Reflect.get(target, name)),
    }),
  };
});

const { canUsePayfipSimulator } = await import("./access");

const remote = ["203.0.113.10", "10.0.0.2", "192.168.1.20", "::ffff:203.0.113.10", "2001:db8::1", "unknown"];
const local = ["127.0.0.1", "127.0.0.53", "::1", "::ffff:127.0.0.1"];

async function allowed(address: string): Promise<boolean> {
  harness.ip = address;
  return canUsePayfipSimulator();
}

afterEach(() => {
  flags.public = false;
  harness.ip = "203.0.113.10";
});

describe("who reaches the PayFiP simulator", () => {
  it("answers only a client on this machine: the portal calling itself, a demo's browser", async () => {
    for (const address of local) expect(await allowed(address), address).toBe(true);
    // A private network is not this machine, nor a request whose address nobody vouched for.
    for (const address of remote) expect(await allowed(address), address).toBe(false);
  });

  it("answers everyone when the town runs a public test instance (PAYFIP_SIMULATOR_PUBLIC)", async () => {
    flags.public = true;
    for (const address of [...remote, ...local]) expect(await allowed(address), address).toBe(true);
  });
});

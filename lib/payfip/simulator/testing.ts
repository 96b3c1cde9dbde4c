import type { Db } from "@/db/client";
import { handleSimulatorSoap } from "./service";

/** Where the portal serves its simulator (app/simulateur-payfip/tpa): a régie's payfipServiceUrl points here. */
export const SIMULATOR_BASE_PATH = "/simulateur-payfip/tpa";

/**
 * For integration tests: a fetch that hands any POST to `…/services/securite` to the simulator on `db`, in process,
 * so the portal's client and the simulator exchange PayFiP's real XML both ways without a server. Anything else
 * fails as an unreachable address would: a test never reaches the network by accident.
 */
export function inProcessSimulatorFetch(db: Db): typeof fetch {
  const simulatorFetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const request = new Request(input, init);
    if (request.method !== "POST" || !new URL(request.url).pathname.endsWith("/services/securite"))
      throw new TypeError(`inProcessSimulatorFetch: no route to ${request.method} ${request.url}`);
    const { status, body } = await handleSimulatorSoap(db, await request.text());
    return new Response(body, { status, headers: { "Content-Type": "text/xml; charset=utf-8" } });
  };
  return simulatorFetch as typeof fetch;
}
